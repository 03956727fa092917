package dev.tta.alertrouter.persistence;

import static dev.tta.alertrouter.dispatch.Notified.firing;
import static dev.tta.alertrouter.dispatch.Notified.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Notified;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.TestRoutes;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Two router replicas on one PostgreSQL, each with its own dispatcher and pipeline (the flush
 * guard first, as the composition root wires it), the same alerts posted to both as an
 * Alertmanager HA pair does: one notification per change, and a replica that dies is replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostgresExtension.class)
class PostgresHaPipelineTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Duration REPEAT_INTERVAL = Duration.ofHours(4);
  static final Duration SYNC_PERIOD = Duration.ofSeconds(15);
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");

  PostgresServer server;
  ManualClock clock;
  ManualScheduler scheduler;
  final RecordingReceiver receiver = new RecordingReceiver();
  final RouteTree routes = TestRoutes.single("team", List.of("alertname"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL);
  String url;
  PipelineReplica a;
  PipelineReplica b;

  private PipelineReplica replica(String name) {
    return new PipelineReplica(url, name, routes, receiver, clock, scheduler, SYNC_PERIOD);
  }

  @BeforeAll
  void startServer(PostgresServer server) {
    this.server = server;
  }


  @BeforeEach
  void startReplicas(TestInfo test) throws Exception {
    clock = new ManualClock(T0);
    scheduler = new ManualScheduler(clock);
    receiver.take();
    url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    a = replica("replica-a");
    b = replica("replica-b");
  }

  @AfterEach
  void stopReplicas() {
    for (PipelineReplica replica : new PipelineReplica[] {a, b}) {
      if (replica != null) {
        replica.close();
      }
    }
  }

  @Test
  void anAlertPostedToBothReplicasIsNotifiedOnce() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.receive(down);
    b.receive(new Alert(API_DOWN, Map.of(), T0, null, "", T0.plusMillis(3)));

    scheduler.advance(GROUP_WAIT);
    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(firing(down)), sent.get(0).alerts());

    scheduler.advance(REPEAT_INTERVAL.minus(GROUP_WAIT));
    assertEquals(List.of(), Notified.take(receiver), "both flush every group_interval; neither repeats early");
    scheduler.advance(GROUP_INTERVAL.multipliedBy(2));
    assertEquals(1, Notified.take(receiver).size(), "one repeat after repeat_interval, from one replica");
  }

  @Test
  void anAlertPostedToOneReplicaReachesTheOwnerOfItsGroup() {
    Alert first = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.receive(first);
    b.receive(first); // both hold the group; A's flush takes it
    scheduler.advance(GROUP_WAIT);
    Notified.take(receiver);

    scheduler.advance(Duration.ofMinutes(1));
    Alert web = new Alert(Labels.of("alertname", "TTAServiceDown", "service", "web"), Map.of(), clock.instant(), null, "", clock.instant());
    b.receive(web); // only B hears of it; A owns the group
    scheduler.advance(GROUP_INTERVAL);

    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(firing(first), firing(web)), sent.get(0).alerts());
  }

  @Test
  void whenTheOwnerDiesTheOtherReplicaSendsTheResolveWithinOneGroupInterval() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.receive(down);
    b.receive(down);
    scheduler.advance(GROUP_WAIT);
    assertEquals(1, Notified.take(receiver).size());

    scheduler.advance(Duration.ofMinutes(1));
    a.close(); // killed; Alertmanager's resolve now reaches only B
    a = null;
    Alert up = new Alert(API_DOWN, Map.of(), T0, clock.instant(), "", clock.instant());
    b.receive(up);

    Instant missed = T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL);
    scheduler.advance(Duration.between(clock.instant(), missed.plus(GROUP_INTERVAL)));
    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(resolved(up)), sent.get(0).alerts());
    assertTrue(!sent.get(0).at().isAfter(missed.plus(GROUP_INTERVAL)),
        "sent " + sent.get(0).at() + ", A's flush was due " + missed);

    scheduler.advance(REPEAT_INTERVAL);
    assertEquals(List.of(), Notified.take(receiver), "nothing more to say");
  }

  @Test
  void aResolveThatReachedOnlyTheDeadOwnerIsStillSent() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.receive(down);
    b.receive(down);
    scheduler.advance(GROUP_WAIT);
    Notified.take(receiver);

    scheduler.advance(Duration.ofMinutes(1));
    a.receive(new Alert(API_DOWN, Map.of(), T0, clock.instant(), "", clock.instant()));
    a.close(); // stored, then killed before its flush; B hears of the resolve from the database only
    a = null;

    scheduler.advance(GROUP_INTERVAL.multipliedBy(2));
    List<Notified> sent = Notified.take(receiver);
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(List.of(resolved(down)), sent.get(0).alerts());
  }
}
