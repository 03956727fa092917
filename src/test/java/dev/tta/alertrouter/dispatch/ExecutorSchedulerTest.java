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
  void atLeastOneWorkerIsNeeded() {
    assertThrows(IllegalArgumentException.class, () -> new ExecutorScheduler("dispatch", 0));
  }
}
