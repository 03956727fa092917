package dev.tta.alertrouter.dispatch;

import java.time.Duration;

/**
 * Runs tasks after a delay. Aggregation groups time their flushes through it, so production runs on
 * real threads while tests advance a manual clock and run due tasks in order, without sleeping.
 */
public interface Scheduler {
  /**
   * Runs {@code task} once, {@code delay} from now (at once, asynchronously, when the delay is zero
   * or negative).
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that has not necessarily run yet. */
  @FunctionalInterface
  interface Cancellable {
    /**
     * Stops the task from running if it has not started. A task already handed to a worker may
     * still run: callers that must ignore such a late run check for it themselves.
     */
    void cancel();
  }
}
