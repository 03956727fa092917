package dev.tta.alertrouter.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production {@link Scheduler}: one timer thread keeps time and hands each due task to a pool
 * of workers. A flush can block for as long as a notifier retries, so tasks never run on the timer
 * thread itself: a slow receiver must not delay every other group's timer.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private final ScheduledExecutorService timer;
  private final ThreadPoolExecutor workers;

  /**
   * @param name prefix of the thread names, for thread dumps
   * @param workerThreads how many flushes may run at the same time
   */
  public ExecutorScheduler(String name, int workerThreads) {
    Objects.requireNonNull(name, "name");
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(threads(name + "-timer"));
    this.workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(workerThreads, threads(name + "-worker"));
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    long nanos = Math.max(0, Objects.requireNonNull(delay, "delay").toNanos());
    ScheduledFuture<?> future =
        timer.schedule(() -> workers.execute(task), nanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /**
   * How many due tasks (flushes) wait for a free worker: more than zero for long means flushes run
   * late, because every worker is busy with slow notifications.
   */
  public int queued() {
    return workers.getQueue().size();
  }

  /**
   * Stops taking tasks, drops those not yet due, and waits up to {@code grace} for running ones (a
   * flush in progress) to finish.
   *
   * @return true when every running task finished in time
   */
  public boolean shutdown(Duration grace) throws InterruptedException {
    timer.shutdownNow();
    workers.shutdown();
    return workers.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Shuts down without waiting for running tasks. */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      // Daemon threads: a forgotten shutdown must not keep the JVM alive; graceful stop is shutdown().
      thread.setDaemon(true);
      return thread;
    };
  }
}
