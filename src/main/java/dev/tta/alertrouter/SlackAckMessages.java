package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckListener;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a group's Slack messages true to its acknowledgement, however it was given or ended (API,
 * UI, Slack): each bot-token message of the group is rewritten in place ({@code chat.update}) with
 * the "Acknowledged by" line and the buttons switched. The Slack calls run on {@code executor}, not
 * on the thread that acted, so a slow Slack never delays an HTTP answer or a flush.
 */
final class SlackAckMessages implements AckListener {
  private static final Logger LOG = LoggerFactory.getLogger(SlackAckMessages.class);

  private final Supplier<RouterConfig> config;
  private final Integrations integrations;
  private final Executor executor;
  private final Clock clock;

  SlackAckMessages(Supplier<RouterConfig> config, Integrations integrations, Executor executor, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.integrations = Objects.requireNonNull(integrations, "integrations");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void acked(Ack ack, AckedGroup group) {
    refreshLater(group);
  }

  @Override
  public void ended(Ack ack, AckedGroup group, String why, Instant at) {
    // A group that resolved is told by its resolve notification, which edits the same message.
    if (group != null && group.firingSince() != null) {
      refreshLater(group);
    }
  }

  private void refreshLater(AckedGroup group) {
    try {
      executor.execute(() -> refresh(group));
    } catch (RejectedExecutionException e) {
      LOG.debug("not updating the Slack messages of {}: shutting down", group.groupKey());
    }
  }

  /** Rewrites every Slack message of the group now; for tests, and on the executor. */
  void refresh(AckedGroup group) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      for (Integrations.SlackMessageOwner owner : integrations.slackMessagesOf(config.get(), group.groupKey(), opened::add)) {
        DeliveryOutcome outcome = owner.notifier().refresh(notification(group, owner.receiver()));
        if (!(outcome instanceof DeliveryOutcome.Delivered)) {
          LOG.warn("updating the Slack message of {} for {} failed: {}", group.groupKey(), owner.receiver(), outcome);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("updating the Slack messages of {} failed", group.groupKey(), e);
    } finally {
      for (AutoCloseable resource : opened) {
        try {
          resource.close();
        } catch (Exception e) {
          LOG.debug("closing a Slack client failed: {}", e.toString());
        }
      }
    }
  }

  /** The group as it stands, as a flush would tell the receiver; only the message's content depends on it. */
  private Notification notification(AckedGroup group, String receiver) {
    FlushContext context = new FlushContext(group.groupKey(), group.groupLabels(), receiver, "", Duration.ZERO,
        Duration.ZERO, List.of(), List.of(), clock.instant());
    return new Notification(context, group.alerts());
  }
}
