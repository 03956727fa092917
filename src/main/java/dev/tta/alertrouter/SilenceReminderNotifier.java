package dev.tta.alertrouter;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.notify.ReceiverCheck;
import dev.tta.alertrouter.reminder.Reminder;
import dev.tta.alertrouter.reminder.ReminderSender;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends silence reminders as test notifications are sent ({@link ReceiverTests}): one synthetic
 * alert, {@code alertname="SilenceReminder"}, through each integration of the owner's receiver,
 * outside any group, so it is neither muted by the silence it is about nor deduplicated away.
 */
final class SilenceReminderNotifier implements ReminderSender {
  static final String ALERTNAME = "SilenceReminder";
  private static final Logger LOG = LoggerFactory.getLogger(SilenceReminderNotifier.class);

  private final Integrations integrations;
  private final Supplier<RouterConfig> config;
  private final boolean dryRun;
  private final Clock clock;

  SilenceReminderNotifier(Integrations integrations, Supplier<RouterConfig> config, boolean dryRun, Clock clock) {
    this.integrations = Objects.requireNonNull(integrations, "integrations");
    this.config = Objects.requireNonNull(config, "config");
    this.dryRun = dryRun;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void send(Reminder reminder) {
    Optional<ReceiverConfig> receiver = config.get().receiver(reminder.receiver());
    if (receiver.isEmpty()) {
      LOG.warn("silence reminder for {} not sent: receiver {} is no longer configured", reminder.silenceId(),
          reminder.receiver());
      return;
    }
    Labels labels = Labels.of(Map.of("alertname", ALERTNAME, "silence", reminder.silenceId(),
        "reminder", reminder.kind().key()));
    var notification = ReceiverCheck.notification(reminder.receiver(), labels,
        Map.of("summary", reminder.text(), "description", reminder.text()), "alert-router-silence-reminder",
        clock.instant());
    for (ReceiverCheck.Result r : integrations.sendOnce(receiver.get(), dryRun, notification)) {
      if (r.outcome() == ReceiverCheck.Outcome.FAILED) {
        LOG.warn("silence reminder for {} through {} of {} failed: {}", reminder.silenceId(), r.integration(),
            reminder.receiver(), r.detail());
      }
    }
  }
}
