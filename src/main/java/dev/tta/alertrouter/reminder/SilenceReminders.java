package dev.tta.alertrouter.reminder;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceState;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.store.AlertStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a silence's owner (its receiver) what the silence is about to do: when a recurring window
 * opens; a day before a one-off silence longer than {@code server.silence_reminder_after} expires;
 * and when a silence expired while alerts it matches are still firing. It looks every minute, on
 * the dispatch scheduler, and keeps what it sent in the silence itself ({@link Silence#reminded()}),
 * written before sending, so a restart or a replica does not send a reminder twice (a crash between
 * the write and the send loses that one reminder rather than repeating it).
 */
public final class SilenceReminders implements AutoCloseable {
  /** Time intervals are minute-grained, so a window opening is seen within this of its start. */
  static final Duration CHECK_EVERY = Duration.ofMinutes(1);
  static final Duration EXPIRES_SOON_NOTICE = Duration.ofDays(1);
  /**
   * An expired silence is looked at for this long after its end: long enough to survive a restart,
   * short enough that silences which expired before reminders existed are not reported.
   */
  static final Duration EXPIRED_LOOKBACK = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(SilenceReminders.class);

  private final Silences silences;
  private final AlertStore alerts;
  private final Supplier<Settings> settings;
  private final ReminderSender sender;
  private final Scheduler scheduler;
  private final Clock clock;
  private Scheduler.Cancellable timer;
  private boolean closed;

  /**
   * What the configuration in force says.
   *
   * @param intervals the time intervals recurring silences name
   * @param reminderAfter {@code server.silence_reminder_after}
   */
  public record Settings(TimeIntervals intervals, Duration reminderAfter) {
    public Settings {
      Objects.requireNonNull(intervals, "intervals");
      Objects.requireNonNull(reminderAfter, "reminderAfter");
    }
  }

  public SilenceReminders(Silences silences, AlertStore alerts, Supplier<Settings> settings, ReminderSender sender,
      Scheduler scheduler, Clock clock) {
    this.silences = Objects.requireNonNull(silences, "silences");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Looks now, then every minute until closed. */
  public synchronized void start() {
    if (timer == null && !closed) {
      arm(Duration.ZERO);
    }
  }

  private synchronized void arm(Duration delay) {
    if (!closed) {
      timer = scheduler.schedule(delay, this::tick);
    }
  }

  private void tick() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("checking silence reminders failed; trying again in {}", CHECK_EVERY, e);
    }
    arm(CHECK_EVERY);
  }

  /** One look at every silence with an owner; sends what is due. */
  void check() {
    Instant now = clock.instant();
    Settings current = settings.get();
    for (Silence silence : silences.list()) {
      if (silence.owner().isEmpty()) {
        continue;
      }
      Set<String> reminded = new HashSet<>(silence.reminded());
      List<Reminder> due = due(silence, now, current, reminded);
      if (reminded.equals(silence.reminded()) || !silences.markReminded(silence, reminded)) {
        continue;
      }
      for (Reminder reminder : due) {
        LOG.info("silence reminder: silence={} kind={} receiver={}", reminder.silenceId(), reminder.kind().key(),
            reminder.receiver());
        sender.send(reminder);
      }
    }
  }

  /** The reminders due for {@code silence} now; updates {@code reminded} to what it keeps afterwards. */
  private List<Reminder> due(Silence silence, Instant now, Settings current, Set<String> reminded) {
    String owner = silence.owner().orElseThrow();
    List<Reminder> due = new ArrayList<>();
    SilenceState state = silence.stateAt(now);
    if (state == SilenceState.ACTIVE && silence.recurring()) {
      boolean inside = silence.insideRecurrence(now, current.intervals());
      String opened = ReminderKind.WINDOW_OPENED.key();
      if (inside && reminded.add(opened)) {
        due.add(new Reminder(silence.id(), ReminderKind.WINDOW_OPENED, owner, "maintenance window of silence "
            + silence.id() + " (" + String.join(", ", silence.recurrence()) + ") opened: alerts matching "
            + matchers(silence) + " are muted while it is open; the silence expires at " + silence.endsAt()));
      } else if (!inside) {
        reminded.remove(opened);
      }
    }
    if (state == SilenceState.ACTIVE && !silence.recurring()
        && Duration.between(silence.startsAt(), silence.endsAt()).compareTo(current.reminderAfter()) > 0
        && !now.isBefore(silence.endsAt().minus(EXPIRES_SOON_NOTICE))
        && reminded.add(ReminderKind.EXPIRES_SOON.key())) {
      due.add(new Reminder(silence.id(), ReminderKind.EXPIRES_SOON, owner, "silence " + silence.id()
          + " expires at " + silence.endsAt() + " (within a day): alerts matching " + matchers(silence)
          + " will notify again unless it is extended"));
    }
    if (state == SilenceState.EXPIRED
        && !now.isAfter(silence.endsAt().plus(EXPIRED_LOOKBACK))
        && reminded.add(ReminderKind.EXPIRED_WHILE_FIRING.key())) {
      long firing = stillFiring(silence, now);
      if (firing > 0) {
        due.add(new Reminder(silence.id(), ReminderKind.EXPIRED_WHILE_FIRING, owner, "silence " + silence.id()
            + " expired; " + firing + (firing == 1 ? " alert it muted is" : " alerts it muted are")
            + " firing and will now notify"));
      }
    }
    return due;
  }

  /** The alerts it matches that fire now and began before it ended, so were muted by it. */
  private long stillFiring(Silence silence, Instant now) {
    return alerts.list(silence.matchers()).stream()
        .filter(alert -> !alert.isResolvedAt(now) && alert.startsAt().isBefore(silence.endsAt()))
        .count();
  }

  private static String matchers(Silence silence) {
    return silence.matchers().stream().map(Matcher::toString).collect(Collectors.joining(", ", "{", "}"));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.cancel();
    }
  }
}
