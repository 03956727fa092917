package dev.tta.alertrouter.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With group_wait 0s a new group's first flush is due at once, on a worker thread, while the
 * dispatcher is still putting the group's first alert in: the flush must never find the group empty
 * (it would drop the group and its alert, or postpone the alert by a whole group_interval).
 */
class ZeroGroupWaitRaceTest {
  private static final int GROUPS = 2000;

  @Test
  void everyNewGroupFlushesItsFirstAlertAtOnceOnRealThreads() throws Exception {
    CountDownLatch notified = new CountDownLatch(GROUPS);
    Stage receiver = (context, alerts) -> {
      alerts.forEach(a -> notified.countDown());
      return alerts;
    };
    try (ExecutorScheduler scheduler = new ExecutorScheduler("race", 4)) {
      Dispatcher dispatcher = new Dispatcher(
          TestRoutes.single("default", List.of("alertname"), Duration.ZERO, Duration.ofHours(1), Duration.ofHours(4)),
          receiver, scheduler, Clock.systemUTC());
      Instant now = Instant.now();
      for (int i = 0; i < GROUPS; i++) {
        dispatcher.process(new Alert(Labels.of("alertname", "A" + i), Map.of(), now, null, "", now));
      }

      // Bounded: a group whose first flush found it empty would wait an hour (its group_interval).
      notified.await(30, TimeUnit.SECONDS);
      assertEquals(0, notified.getCount(), "alerts never notified at once");
      dispatcher.stop();
    }
  }
}
