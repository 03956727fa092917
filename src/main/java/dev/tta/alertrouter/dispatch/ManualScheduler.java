package dev.tta.alertrouter.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on simulated time (tests, and {@code replay}'s recorded timeline): tasks run
 * only when the owner advances time, on the owner's thread,
 * in order of due time (then of scheduling), with the clock set to each task's due time as it runs.
 */
public final class ManualScheduler implements Scheduler {
  private final ManualClock clock;
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::sequence));
  private long sequence;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Duration wait = delay.isNegative() ? Duration.ZERO : delay;
    Task scheduled = new Task(clock.instant().plus(wait), sequence++, task);
    queue.add(scheduled);
    return () -> remove(scheduled);
  }

  /** Moves the clock forward by {@code duration}, running every task that falls due on the way. */
  public void advance(Duration duration) {
    runUntil(clock.instant().plus(duration));
  }

  /** Moves the clock to {@code target} (never back), running every task that falls due on the way. */
  public void advanceTo(Instant target) {
    runUntil(target.isAfter(clock.instant()) ? target : clock.instant());
  }

  /** Runs the tasks due now (those scheduled with no delay) without moving the clock. */
  public void runDue() {
    runUntil(clock.instant());
  }

  /** When the next task is due, or null when none is scheduled. */
  public synchronized Instant nextDue() {
    Task next = queue.peek();
    return next == null ? null : next.due();
  }

  public synchronized int pending() {
    return queue.size();
  }

  private void runUntil(Instant target) {
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due().isAfter(target)) {
          break;
        }
        queue.poll();
      }
      clock.set(next.due());
      next.task().run();
    }
    clock.set(target);
  }

  private synchronized void remove(Task task) {
    queue.remove(task);
  }

  private record Task(Instant due, long sequence, Runnable task) {}
}
