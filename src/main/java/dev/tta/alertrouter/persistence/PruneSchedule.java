package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.dispatch.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the store every period, re-arming itself after each run on a {@link Scheduler} (so tests
 * drive it with a manual one). The retention is read at each run: a reload can change it.
 */
final class PruneSchedule implements Scheduler.Cancellable {
  private static final Logger LOG = LoggerFactory.getLogger(PruneSchedule.class);

  private final Persistence persistence;
  private final Scheduler scheduler;
  private final Duration period;
  private final Clock clock;
  private final Supplier<Retention> retention;
  private final Object lock = new Object();
  private Scheduler.Cancellable next;
  private boolean cancelled;

  PruneSchedule(Persistence persistence, Scheduler scheduler, Duration period, Clock clock, Supplier<Retention> retention) {
    this.persistence = Objects.requireNonNull(persistence, "persistence");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.period = Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  void start() {
    arm();
  }

  @Override
  public void cancel() {
    synchronized (lock) {
      cancelled = true;
      if (next != null) {
        next.cancel();
      }
    }
  }

  private void arm() {
    synchronized (lock) {
      if (!cancelled) {
        next = scheduler.schedule(period, this::run);
      }
    }
  }

  private void run() {
    synchronized (lock) {
      if (cancelled) {
        return;
      }
    }
    try {
      Pruned pruned = persistence.prune(clock.instant(), retention.get());
      if (pruned.total() > 0) {
        LOG.debug("pruned {}", pruned);
      }
    } catch (RuntimeException e) {
      // One failed run (the disk full, the database restarting) must not stop pruning for good.
      LOG.warn("pruning the store failed: {}", e.toString());
    }
    arm();
  }
}
