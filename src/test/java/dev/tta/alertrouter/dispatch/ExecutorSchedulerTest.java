package dev.tta.alertrouter.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {
  @Test
  void dueTasksRunOnWorkerThreadsNotTheTimer() throws Exception {
    try (ExecutorScheduler scheduler = new ExecutorScheduler("dispatch", 2)) {
      CompletableFuture<String> ranOn = new CompletableFuture<>();

      scheduler.schedule(Duration.ZERO, () -> ranOn.complete(Thread.currentThread().getName()));

      assertEquals("dispatch-worker-1", ranOn.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void shutdownLetsARunningTaskFinish() throws Exception {
    ExecutorScheduler scheduler = new ExecutorScheduler("dispatch", 1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean[] finished = {false};
    scheduler.schedule(
        Duration.ZERO,
        () -> {
          started.countDown();
          try {
            release.await();
            finished[0] = true;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    started.await();

    CompletableFuture<Boolean> stopped =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return scheduler.shutdown(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    release.countDown();

    assertTrue(stopped.get(60, TimeUnit.SECONDS));
    assertTrue(finished[0]);
  }

  @Test
  void queuedCountsDueTasksWaitingForABusyWorker() throws Exception {
    try (ExecutorScheduler scheduler = new ExecutorScheduler("dispatch", 1)) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch allRan = new CountDownLatch(3);
      scheduler.schedule(Duration.ZERO, () -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        allRan.countDown();
      });
      started.await();
      assertEquals(0, scheduler.queued());

      scheduler.schedule(Duration.ZERO, allRan::countDown);
      scheduler.schedule(Duration.ZERO, allRan::countDown);
      // The timer thread hands due tasks to the worker pool on its own; wait for it, bounded.
      java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
      while (scheduler.queued() < 2 && java.time.Instant.now().isBefore(deadline)) {
        Thread.onSpinWait();
      }
      assertEquals(2, scheduler.queued());

      release.countDown();
      assertTrue(allRan.await(30, TimeUnit.SECONDS));
      assertEquals(0, scheduler.queued());
    }
  }

  @Test
  void atLeastOneWorkerIsNeeded() {
    assertThrows(IllegalArgumentException.class, () -> new ExecutorScheduler("dispatch", 0));
  }
}
