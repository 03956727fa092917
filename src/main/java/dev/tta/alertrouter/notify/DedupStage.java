package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Passes a flush on to one integration only when it tells the receiver something new, or when the
 * repeat_interval has passed: all the alerts, or none (Alertmanager's {@code DedupStage}).
 */
final class DedupStage implements Stage {
  private final NotificationLog log;
  private final String integration;
  private final int index;
  private final boolean sendResolved;
  private final DedupListener listener;
  private final RepeatHold repeatHold;
  private final NoticeOwed noticeOwed;

  /**
   * @param integration the integration type this stage guards, e.g. {@code slack}
   * @param index its position among the receiver's integrations of that type
   * @param sendResolved whether the integration is told about resolved alerts
   */
  DedupStage(NotificationLog log, String integration, int index, boolean sendResolved) {
    this(log, integration, index, sendResolved, DedupListener.NONE, RepeatHold.NONE);
  }

  DedupStage(NotificationLog log, String integration, int index, boolean sendResolved, DedupListener listener) {
    this(log, integration, index, sendResolved, listener, RepeatHold.NONE);
  }

  /**
   * @param listener told of each flush suppressed as a duplicate of what was already notified
   * @param repeatHold asked before a repeat is sent (an acknowledged group's repeats are held)
   */
  DedupStage(NotificationLog log, String integration, int index, boolean sendResolved, DedupListener listener,
      RepeatHold repeatHold) {
    this(log, integration, index, sendResolved, listener, repeatHold, NoticeOwed.NONE);
  }

  /** @param noticeOwed asked when nothing is new: an earlier stage may still want the flush sent */
  DedupStage(NotificationLog log, String integration, int index, boolean sendResolved, DedupListener listener,
      RepeatHold repeatHold, NoticeOwed noticeOwed) {
    this.noticeOwed = Objects.requireNonNull(noticeOwed, "noticeOwed");
    this.log = Objects.requireNonNull(log, "log");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.repeatHold = Objects.requireNonNull(repeatHold, "repeatHold");
    this.integration = Objects.requireNonNull(integration, "integration");
    this.index = index;
    this.sendResolved = sendResolved;
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    AlertSets now = AlertSets.of(alerts, context.now());
    Optional<NotificationLog.Entry> last =
        log.last(new NotificationLog.Key(context.groupKey(), context.receiver(), integration, index));
    Update update = needsUpdate(last, now, context.repeatInterval(), context.now());
    if (update == Update.NEWS || owed(last, now, context)) {
      return alerts;
    }
    if (update == Update.REPEAT) {
      Optional<String> held = repeatHold.heldBecause(context);
      if (held.isEmpty()) {
        return alerts;
      }
      listener.repeatHeld(context, integration, index, alerts, held.get());
      return List.of();
    }
    // Without an earlier notification nothing was duplicated: the group had only resolved alerts.
    if (last.isPresent()) {
      listener.suppressed(context, integration, index, alerts);
    }
    return List.of();
  }

  /** Forced news, but never a first notification of nothing but resolved alerts. */
  private boolean owed(Optional<NotificationLog.Entry> last, AlertSets now, FlushContext context) {
    return (last.isPresent() || !now.firing().isEmpty()) && noticeOwed.owed(context);
  }

  /** Whether a flush is sent: it tells something new, it only repeats what was sent, or neither. */
  private enum Update { NEWS, REPEAT, NONE }

  /**
   * Alertmanager 0.25's {@code DedupStage.needsUpdate}, rule for rule, telling a repeat (only
   * repeat_interval passed) from news.
   */
  private Update needsUpdate(
      Optional<NotificationLog.Entry> last, AlertSets now, Duration repeatInterval, Instant at) {
    if (last.isEmpty()) {
      // Never notified: a group of only resolved alerts is news to nobody.
      return now.firing().isEmpty() ? Update.NONE : Update.NEWS;
    }
    NotificationLog.Entry entry = last.get();
    if (!entry.firing().containsAll(now.firing())) {
      return Update.NEWS;
    }
    if (now.firing().isEmpty()) {
      // All resolved: notify (whatever send_resolved says, so the log forgets the firing alerts),
      // unless the receiver never heard of them firing.
      return entry.firing().isEmpty() ? Update.NONE : Update.NEWS;
    }
    if (sendResolved && !entry.resolved().containsAll(now.resolved())) {
      return Update.NEWS;
    }
    return entry.timestamp().isBefore(at.minus(repeatInterval)) ? Update.REPEAT : Update.NONE;
  }
}
