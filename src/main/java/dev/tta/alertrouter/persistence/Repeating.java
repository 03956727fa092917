package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.dispatch.Scheduler;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every period, re-arming itself after each run on a {@link Scheduler} (so tests drive
 * it with a manual one). A run that fails is logged and the next one runs as planned: one failed
 * run (the disk full, the database restarting) must not stop the work for good.
 */
final class Repeating implements Scheduler.Cancellable {
  private static final Logger LOG = LoggerFactory.getLogger(Repeating.class);

  private final String what;
  private final Scheduler scheduler;
  private final Duration period;
  private final Runnable task;
  private final Object lock = new Object();
  private Scheduler.Cancellable next;
  private boolean cancelled;

  private Repeating(String what, Scheduler scheduler, Duration period, Runnable task) {
    this.what = Objects.requireNonNull(what, "what");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.period = Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.task = Objects.requireNonNull(task, "task");
  }

  /** Starts running {@code task} every {@code period}, the first time one period from now. */
  static Repeating every(Duration period, Scheduler scheduler, String what, Runnable task) {
    Repeating repeating = new Repeating(what, scheduler, period, task);
    repeating.arm();
    return repeating;
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
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", what, e.toString());
    }
    arm();
  }
}
