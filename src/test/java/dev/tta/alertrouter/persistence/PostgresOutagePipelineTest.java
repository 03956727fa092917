package dev.tta.alertrouter.persistence;

import static dev.tta.alertrouter.dispatch.Notified.firing;
import static dev.tta.alertrouter.dispatch.Notified.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Notified;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.TestRoutes;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL; the database goes away under them and comes back: cut off by a
 * {@link TcpProxy} in front of each (every connection dropped, new ones refused), or a real server
 * stopped in immediate mode and started again. While it is
 * away: writes are refused (intake answers 503), no group is flushed (no lease can be renewed), the
 * replicas report not-ready and count one outage each. Once it is back: what was acknowledged
 * before is notified, once, within one group_interval, and so is what the senders resend.
 */
@ExtendWith(PostgresExtension.class)
class PostgresOutagePipelineTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Duration REPEAT_INTERVAL = Duration.ofHours(4);
  static final Duration SYNC_PERIOD = Duration.ofSeconds(15);

  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RecordingReceiver receiver = new RecordingReceiver();
  final RouteTree routes = TestRoutes.single("team", List.of("alertname"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL);
  PipelineReplica a;
  PipelineReplica b;

  /** Each replica's own way to the database, when the outage is a cut. */
  final List<TcpProxy> proxies = new ArrayList<>();

  private PipelineReplica replica(String url, String name) {
    return new PipelineReplica(url, name, routes, receiver, clock, scheduler, SYNC_PERIOD);
  }

  /** A replica reaching the database through a proxy of its own. */
  private PipelineReplica proxied(PostgresServer server, String url, String name) throws IOException {
    TcpProxy proxy = TcpProxy.to(server.hostAndPort());
    proxies.add(proxy);
    return replica(PostgresServer.via(url, proxy.hostAndPort()), name);
  }

  @AfterEach
  void stopReplicas() throws Exception {
    for (PipelineReplica replica : new PipelineReplica[] {a, b}) {
      if (replica != null) {
        replica.close();
      }
    }
    for (TcpProxy proxy : proxies) {
      proxy.close();
    }
  }

  /** Takes the database away from the replicas, or gives it back. */
  interface Outage {
    void begin() throws Exception;

    void end() throws Exception;
  }

  @Test
  void aDatabaseCutOffFromBothReplicas(PostgresServer server) throws Exception {
    String url = server.newDatabase("outage_pipeline");
    a = proxied(server, url, "replica-a");
    b = proxied(server, url, "replica-b");
    refusesWritesAndFlushesThenSendsEverythingOwedOnceWithinOneGroupInterval(new Outage() {
      @Override
      public void begin() throws Exception {
        for (TcpProxy proxy : proxies) {
          proxy.cut();
        }
      }

      @Override
      public void end() throws Exception {
        for (TcpProxy proxy : proxies) {
          proxy.restore();
        }
      }
    });
  }

  /** The real thing: PostgreSQL stopped as {@code pg_ctl stop -m immediate} does (SIGQUIT), then started again. */
  @Test
  void aDatabaseStoppedImmediatelyAndStartedAgain(@TempDir Path data) throws Exception {
    try (RestartablePostgres database = RestartablePostgres.start(data)) {
      String url = database.newDatabase("outage_restart");
      a = replica(url, "replica-a");
      b = replica(url, "replica-b");
      refusesWritesAndFlushesThenSendsEverythingOwedOnceWithinOneGroupInterval(new Outage() {
        @Override
        public void begin() throws Exception {
          database.stopImmediately();
        }

        @Override
        public void end() throws Exception {
          database.startAgain();
        }
      });
      stopReplicas();
      a = null;
      b = null;
    }
  }

  private void refusesWritesAndFlushesThenSendsEverythingOwedOnceWithinOneGroupInterval(Outage outage) throws Exception {
    Alert api = alert("ApiDown", T0);
    a.receive(api);
    b.receive(api);
    scheduler.advance(GROUP_WAIT);
    assertEquals(List.of(List.of(firing(api))), alertsOf(Notified.take(receiver)));

    // Acknowledged just before the outage, not flushed yet (its group_wait runs into it).
    Alert web = alert("WebDown", clock.instant());
    a.receive(web);
    outage.begin();
    Instant outageStart = clock.instant();

    Alert apiUp = resolve(api, clock.instant());
    assertThrows(StoreUnavailableException.class, () -> a.receive(apiUp), "intake answers 503");
    scheduler.advance(GROUP_INTERVAL.multipliedBy(2));
    assertEquals(List.of(), Notified.take(receiver), "no replica flushes a group whose lease it cannot renew");
    for (PipelineReplica replica : List.of(a, b)) {
      assertFalse(replica.persistence.reachable());
      assertTrue(replica.persistence.notReadyBecause().orElseThrow().contains("unreachable"));
      assertEquals(1, replica.persistence.outages(), "one outage, however many writes and flushes failed");
    }

    outage.end();
    Instant back = clock.instant();
    Alert apiUpResent = resolve(api, clock.instant()); // the sender retries what was refused
    b.receive(apiUpResent);
    scheduler.advance(GROUP_INTERVAL);

    List<Notified> sent = Notified.take(receiver);
    Set<String> notifiedGroups = new HashSet<>();
    for (Notified n : sent) {
      assertTrue(!n.at().isAfter(back.plus(GROUP_INTERVAL)), "sent " + n.at() + ", the database was back at " + back);
      assertTrue(n.at().isAfter(outageStart));
      n.alerts().forEach(state -> assertTrue(notifiedGroups.add(state.toString()), "notified twice: " + sent));
    }
    assertEquals(Set.of(resolved(apiUpResent).toString(), firing(web).toString()), notifiedGroups, sent.toString());
    for (PipelineReplica replica : List.of(a, b)) {
      assertTrue(replica.persistence.reachable());
      assertEquals(Optional.empty(), replica.persistence.notReadyBecause());
      assertEquals(1, replica.persistence.outages());
    }

    scheduler.advance(REPEAT_INTERVAL.minus(GROUP_INTERVAL));
    assertEquals(List.of(), Notified.take(receiver), "nothing is sent again before repeat_interval");
  }

  private static List<List<GroupSnapshot.AlertState>> alertsOf(List<Notified> sent) {
    return sent.stream().map(Notified::alerts).toList();
  }

  private static Alert alert(String name, Instant at) {
    return new Alert(Labels.of("alertname", name), Map.of(), at, null, "", at);
  }

  private static Alert resolve(Alert alert, Instant at) {
    return new Alert(alert.labels(), Map.of(), alert.startsAt(), at, "", at);
  }
}
