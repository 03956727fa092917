package dev.tta.alertrouter.notify.digest;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.DigestConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many notifications one integration of a receiver with a {@code digest:} may still send one by
 * one in the current window, and the digest of those it may not. Windows are fixed: they start at
 * whole multiples of the interval since the epoch, so every replica and every restart agree on them.
 *
 * <p>A notification with a P0 alert is always sent (and counted). Beyond the budget a notification
 * is folded: the first fold of a window arms one timer, at the window's end, that sends the
 * digest. A digest that could not be delivered is carried into the next window's, so no folded
 * notification goes untold.
 */
public final class DigestBudget implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DigestBudget.class);

  private final String receiver;
  private final String type;
  private final int index;
  private final DigestConfig config;
  private final Scheduler scheduler;
  private final Clock clock;
  private final DigestSender sender;
  private final DigestListener listener;

  private Instant windowStart = Instant.MIN;
  private int sentInWindow;
  /** The folds awaiting their digest, at most one window's (with what an undelivered one carried). */
  private FoldedNotifications pending;
  private Scheduler.Cancellable timer;
  private boolean closed;

  /**
   * @param type the integration type, e.g. {@code slack}
   * @param index its position among the receiver's integrations of that type
   * @param clock tells the time when a digest is due (the scheduler's clock)
   */
  public DigestBudget(String receiver, String type, int index, DigestConfig config, Scheduler scheduler, Clock clock,
      DigestSender sender, DigestListener listener) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.type = Objects.requireNonNull(type, "type");
    this.index = index;
    this.config = Objects.requireNonNull(config, "config");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** What becomes of one notification. */
  public sealed interface Admission {}

  /** Sent one by one. */
  public record Send() implements Admission {}

  /** Folded into digest {@code digestId}, due at {@code sendAt}. */
  public record Fold(String digestId, Instant sendAt) implements Admission {}

  /** Decides about a notification of {@code alerts} at {@code context.now()}, and folds it if so. */
  public Admission admit(FlushContext context, List<Alert> alerts) {
    Fold fold;
    synchronized (this) {
      roll(context.now());
      if (sentInWindow < config.maxPerInterval() || hasP0(alerts) || closed) {
        sentInWindow++;
        return new Send();
      }
      if (pending == null) {
        pending = new FoldedNotifications(windowStart);
      }
      pending.add(context.groupKey(), alerts, context.now());
      Instant end = windowStart.plus(config.interval());
      fold = new Fold(digestId(pending.windowStart()), end);
      armAt(end);
    }
    listener.folded(context, type, index, alerts, fold.digestId(), fold.sendAt());
    return fold;
  }

  /** Sends the pending digest now, rather than at the window's end; later notifications are sent one by one. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
    }
    sendDue(clock.instant(), false);
  }

  private void roll(Instant now) {
    Instant start = windowOf(now);
    if (start.isAfter(windowStart)) {
      windowStart = start;
      sentInWindow = 0;
    }
  }

  private Instant windowOf(Instant now) {
    long length = config.interval().toMillis();
    long at = now.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(at, length) * length);
  }

  private void armAt(Instant due) {
    if (timer == null) {
      timer = scheduler.schedule(Duration.between(clock.instant(), due), () -> sendDue(due, true));
    }
  }

  /** Takes the pending digest and delivers it; one that fails is carried into the next window's. */
  private void sendDue(Instant due, boolean fromTimer) {
    FoldedNotifications folded;
    synchronized (this) {
      if (fromTimer) {
        timer = null;
      }
      folded = pending;
      pending = null;
    }
    if (folded == null) {
      return;
    }
    Digest digest = folded.toDigest(digestId(folded.windowStart()), receiver, type + "[" + index + "]",
        folded.windowStart(), due);
    if (delivered(digest)) {
      listener.digestSent(digest, type, index);
      return;
    }
    synchronized (this) {
      if (closed) {
        LOG.warn("receiver {} {}[{}]: digest {} of {} folded notification(s) was not delivered before the engine"
            + " stopped (a reload or shutdown)", receiver, type, index, digest.id(), digest.notifications());
        return;
      }
      roll(clock.instant());
      FoldedNotifications carried = new FoldedNotifications(folded.windowStart());
      carried.addAll(folded);
      if (pending != null) {
        carried.addAll(pending);
      }
      pending = carried;
      armAt(windowStart.plus(config.interval()));
    }
    LOG.warn("receiver {} {}[{}]: digest {} was not delivered; it is carried into the next window's", receiver,
        type, index, digest.id());
  }

  /** A notifier's bug must not lose the digest: it is logged, and the digest carried like a refused one. */
  private boolean delivered(Digest digest) {
    try {
      return sender.send(digest);
    } catch (RuntimeException e) {
      LOG.error("receiver {} {}[{}]: sending digest {} failed unexpectedly", receiver, type, index, digest.id(), e);
      return false;
    }
  }

  private String digestId(Instant start) {
    return receiver + "/" + type + "[" + index + "]@" + start;
  }

  private static boolean hasP0(List<Alert> alerts) {
    for (Alert a : alerts) {
      if (Priority.P0.name().equals(a.labels().get(Priority.LABEL))) {
        return true;
      }
    }
    return false;
  }
}
