package dev.tta.alertrouter.persistence;

import static dev.tta.alertrouter.dispatch.Notified.firing;
import static dev.tta.alertrouter.dispatch.Notified.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Notified;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.TestRoutes;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router stopped and started again on the same data folder carries on where it was: the
 * notification log keeps it from repeating what it sent, and the stored alerts let it send the
 * resolves it owes. Built from the real dispatcher, pipeline and stores, as the composition root
 * wires them; only the receiver records instead of sending.
 */
class RestartNotificationTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Duration REPEAT_INTERVAL = Duration.ofHours(4);
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RecordingReceiver receiver = new RecordingReceiver();
  final RouteTree routes = TestRoutes.single("team", List.of("alertname"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL);
  Router router;

  /** The stores, the pipeline and the dispatcher of one router process. */
  final class Router implements AutoCloseable {
    final Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE);
    final Dispatcher dispatcher = new Dispatcher(
        routes,
        new PipelineBuilder(persistence.notificationLog(), Runnable::run)
            .receiver("team", List.of(new Integration("webhook", 0, true, receiver)))
            .build(),
        scheduler,
        clock);

    /**
     * Starting: the dispatcher is fed what the store holds, so groups resume, under {@link
     * Dispatcher#replay} as the app does. A dispatch worker may run whatever is due at any point of
     * the replay: {@code runDue} after each alert stands for it.
     */
    Router() {
      dispatcher.replay(() -> persistence.alerts().list(List.of()).forEach(alert -> {
        dispatcher.process(alert);
        scheduler.runDue();
      }));
    }

    /** Intake: stored first (the 2xx point), then dispatched. */
    void receive(Alert alert) {
      persistence.alerts().upsert(List.of(alert)).forEach(dispatcher::process);
    }

    @Override
    public void close() {
      dispatcher.stop();
      persistence.close();
    }
  }

  @AfterEach
  void stop() {
    if (router != null) {
      router.close();
    }
  }

  void restart() {
    router.close();
    router = new Router();
  }

  @Test
  void aRestartDoesNotRepeatANotificationBeforeRepeatInterval() {
    router = new Router();
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    router.receive(down);
    scheduler.advance(GROUP_WAIT);
    assertEquals(List.of(Notified.of(T0.plus(GROUP_WAIT), "team", firing(down))), Notified.take(receiver));

    scheduler.advance(Duration.ofMinutes(20));
    restart();
    // The stored alert waited longer than group_wait, so its group flushes at once; the log
    // remembers the notification, so the flush tells nobody anything.
    scheduler.runDue();
    Instant repeatDue = T0.plus(GROUP_WAIT).plus(REPEAT_INTERVAL);
    scheduler.advance(Duration.between(clock.instant(), repeatDue));
    assertEquals(List.of(), Notified.take(receiver), "nothing new before repeat_interval");

    scheduler.advance(GROUP_INTERVAL);
    List<Notified> repeated = Notified.take(receiver);
    assertEquals(1, repeated.size(), "the repeat comes once repeat_interval has passed: " + repeated);
    assertEquals(List.of(firing(down)), repeated.get(0).alerts());
  }

  @Test
  void aRestartWithManyStoredAlertsOfOneGroupNotifiesThemAllInOneNotification() {
    router = new Router();
    List<Alert> stored = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      stored.add(new Alert(API_DOWN.with("instance", "host-" + i), Map.of(), T0, null, "", T0));
    }
    router.persistence.alerts().upsert(stored);
    // Killed before group_wait ended: nothing was sent, and every stored alert is older than group_wait at the restart.
    router.close();
    router = null;
    scheduler.advance(Duration.ofMinutes(10));

    router = new Router();
    assertEquals(List.of(), Notified.take(receiver), "nothing flushes while the replay is feeding the group");
    scheduler.runDue();

    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), "one notification for the group");
    assertEquals(1_000, sent.get(0).alerts().size());
    assertEquals(stored.stream().map(Notified::firing).collect(Collectors.toSet()), Set.copyOf(sent.get(0).alerts()));
  }

  @Test
  void anAlertResolvedWhileTheRouterWasDownIsNotifiedResolved() {
    router = new Router();
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    router.receive(down);
    scheduler.advance(GROUP_WAIT);
    Notified.take(receiver);

    router.close();
    router = null;
    scheduler.advance(Duration.ofMinutes(10)); // down: Alertmanager retries, then its resolve lands after the restart
    router = new Router();
    scheduler.runDue();
    assertEquals(List.of(), Notified.take(receiver), "still firing, already notified");

    Instant end = T0.plus(Duration.ofMinutes(8));
    Alert up = new Alert(API_DOWN, Map.of(), T0, end, "", clock.instant());
    router.receive(up);
    scheduler.advance(GROUP_INTERVAL);

    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(resolved(up)), sent.get(0).alerts());
  }

  @Test
  void aResolveStoredButNotYetNotifiedIsSentAfterARestart() {
    router = new Router();
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    router.receive(down);
    scheduler.advance(GROUP_WAIT);
    Notified.take(receiver);

    scheduler.advance(Duration.ofMinutes(1));
    Alert up = new Alert(API_DOWN, Map.of(), T0, clock.instant(), "", clock.instant());
    router.receive(up);
    restart(); // before the group's next flush: only the store knows the alert resolved

    scheduler.advance(GROUP_INTERVAL);
    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(resolved(up)), sent.get(0).alerts());

    scheduler.advance(REPEAT_INTERVAL.multipliedBy(2));
    assertEquals(List.of(), Notified.take(receiver), "resolved and notified: nothing more to say");
  }

  @Test
  void copiesFromBothAlertmanagerReplicasAreNotifiedOnceEvenAcrossARestart() {
    router = new Router();
    Alert fromFirst = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    Alert fromSecond = new Alert(API_DOWN, Map.of(), T0, null, "", T0.plusMillis(40));
    router.receive(fromFirst);
    router.receive(fromSecond);
    scheduler.advance(GROUP_WAIT);
    assertEquals(1, Notified.take(receiver).size());

    scheduler.advance(Duration.ofMinutes(2));
    Instant end = clock.instant();
    router.receive(new Alert(API_DOWN, Map.of(), T0, end, "", end));
    restart(); // the second replica's resolve arrives after the restart
    scheduler.advance(Duration.ofSeconds(1));
    router.receive(new Alert(API_DOWN, Map.of(), T0, end, "", clock.instant()));
    // ...and a slow retry of the first replica's firing copy, which must not re-fire the alert.
    router.receive(new Alert(API_DOWN, Map.of(), T0, null, "", clock.instant()));
    scheduler.advance(GROUP_INTERVAL.multipliedBy(3));

    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(resolved(fromFirst)), sent.get(0).alerts());
  }

  @Test
  void withoutTheNotificationLogARestartWouldNotifyAgain() {
    // The control for the tests above: the same steps on an empty data folder do notify again.
    router = new Router();
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    router.receive(down);
    scheduler.advance(GROUP_WAIT);
    Notified.take(receiver);
    router.close();
    router = null;
    scheduler.advance(Duration.ofMinutes(20));
    dataDir = dataDir.resolve("empty");

    router = new Router();
    router.receive(down);
    scheduler.runDue();

    assertEquals(List.of(firing(down)), Notified.take(receiver).get(0).alerts());
  }
}
