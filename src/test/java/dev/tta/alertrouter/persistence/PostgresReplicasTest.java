package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.NotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas sharing a real PostgreSQL: shared state, merges across replicas, group leases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostgresExtension.class)
class PostgresReplicasTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");
  static final String GROUP = "{}:{alertname=\"TTAServiceDown\"}";

  PostgresServer server;
  ManualClock clock;
  final List<Alert> staleOnA = new CopyOnWriteArrayList<>();
  String url;
  Persistence a;
  Persistence b;

  @BeforeAll
  void startServer(PostgresServer server) {
    this.server = server;
  }


  @BeforeEach
  void openReplicas(TestInfo test) throws Exception {
    clock = new ManualClock(T0);
    staleOnA.clear();
    url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    a = Persistence.openJdbc(url, "replica-a", clock, (stale, held) -> staleOnA.add(stale));
    b = Persistence.openJdbc(url, "replica-b", clock, (stale, held) -> {});
  }

  @AfterEach
  void closeReplicas() {
    a.close();
    b.close();
  }

  @Test
  void whatOneReplicaWritesTheOtherReads() {
    Alert down = new Alert(API_DOWN, Map.of("summary", "api down"), T0, null, "", T0);
    a.alerts().upsert(List.of(down));
    Silences silencesOnA = new Silences(a.silences(), clock, Duration.ofHours(120));
    String silence = silencesOnA.set(new SilenceDraft(null, List.of(Matchers.parse("service=api")),
        T0, T0.plus(Duration.ofHours(1)), "ops", "deploy"));
    NotificationLog.Key key = new NotificationLog.Key(GROUP, "team", "slack", 0);
    NotificationLog.Entry entry = new NotificationLog.Entry(Set.of(down.fingerprint()), Set.of(), T0);
    a.notificationLog().record(key, entry);
    a.messageReferences().put(key, "C024BE91L/1700000000.000100");

    List<Alert> fed = new ArrayList<>();
    b.syncWithPeers(clock.instant(), fed::addAll);

    assertEquals(Optional.of(down), b.alerts().get(down.fingerprint()));
    assertEquals(List.of(silence), new Silences(b.silences(), clock, Duration.ofHours(120)).mutes(API_DOWN, T0, TimeIntervals.none()));
    assertEquals(Optional.of(entry), b.notificationLog().last(key));
    assertEquals(Optional.of("C024BE91L/1700000000.000100"), b.messageReferences().get(key),
        "B, taking the group over, updates A's Slack message");

    a.messageReferences().remove(key);
    b.syncWithPeers(clock.instant(), fed::addAll);
    assertEquals(Optional.empty(), b.messageReferences().get(key), "and hears when A started a new one");
    assertEquals(List.of(down), fed, "B's dispatcher is told of A's alert");
  }

  @Test
  void aRecurringSilencesOwnerAndRemindersReachThePeer() {
    Silences silencesOnA = new Silences(a.silences(), clock, Duration.ofHours(120));
    String id = silencesOnA.set(new SilenceDraft(null, List.of(Matchers.parse("service=db")), T0,
        T0.plus(Duration.ofDays(30)), "ops", "weekly patching", List.of("sunday-night"), Optional.of("db-team")));
    Silence written = silencesOnA.get(id).orElseThrow();
    assertTrue(silencesOnA.markReminded(written, Set.of("window-opened")));

    b.syncWithPeers(clock.instant(), alerts -> {});

    Silence read = b.silences().get(id).orElseThrow();
    assertEquals(List.of("sunday-night"), read.recurrence());
    assertEquals(Optional.of("db-team"), read.owner());
    assertEquals(Set.of("window-opened"), read.reminded(), "B does not send A's reminder again");
  }

  @Test
  void aReplicaMergesWithWhatItsPeerWrote() {
    a.alerts().upsert(List.of(new Alert(API_DOWN, Map.of(), T0, null, "", T0)));
    clock.advance(Duration.ofMinutes(5));
    Instant end = T0.plus(Duration.ofMinutes(4));
    // B has never synced: its own write transaction reads A's row first, and merges with it.
    Alert stored = b.alerts().upsert(List.of(new Alert(API_DOWN, Map.of(), T0.plusSeconds(30), end, "", clock.instant()))).get(0);
    assertEquals(T0, stored.startsAt(), "the earliest start, from A's copy");
    assertEquals(end, stored.endsAt());

    clock.advance(Duration.ofSeconds(10));
    Alert slowCopy = new Alert(API_DOWN, Map.of(), T0, null, "", clock.instant());
    assertEquals(end, a.alerts().upsert(List.of(slowCopy)).get(0).endsAt(), "A sees B's resolve: stays resolved");
    assertEquals(List.of(slowCopy), staleOnA);
  }

  @Test
  void eachGroupIsFlushedByExactlyOneReplicaAndTakenOverWhenItsOwnerDies() {
    List<Alert> batch = List.of(new Alert(API_DOWN, Map.of(), T0, null, "", T0));

    assertEquals(batch, a.flushGuard().apply(flushAt(T0), batch), "A takes the new group");
    assertEquals(List.of(), b.flushGuard().apply(flushAt(T0.plusSeconds(1)), batch), "B must not flush it");
    assertEquals(batch, a.flushGuard().apply(flushAt(T0.plus(GROUP_INTERVAL)), batch), "A renews at its next flush");
    assertEquals(List.of(), b.flushGuard().apply(flushAt(T0.plus(GROUP_INTERVAL).plusSeconds(1)), batch));

    assertEquals(List.of(new Persistence.Lease(GROUP, "replica-a", T0.plus(GROUP_INTERVAL.multipliedBy(2)))),
        b.leases(10), "either replica lists who holds which group until when (the status page)");

    a.close(); // A dies after its flush at T0 + 5m; its lease ends at T0 + 10m
    Instant missed = T0.plus(GROUP_INTERVAL.multipliedBy(2));
    assertEquals(List.of(), b.flushGuard().apply(flushAt(missed.minusSeconds(1)), batch));
    assertEquals(batch, b.flushGuard().apply(flushAt(missed.plusSeconds(1)), batch),
        "B takes the group at its first flush after A's lease lapsed, within one group_interval");
    a = Persistence.openJdbc(url, "replica-a", clock, (stale, held) -> {});
  }

  @Test
  void aReplicaTakingOverSendsTheResolvesItsDeadPeerOwed() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.alerts().upsert(List.of(down));
    a.flushGuard().apply(flushAt(T0), List.of(down));
    a.notificationLog().record(new NotificationLog.Key(GROUP, "team", "slack", 0),
        new NotificationLog.Entry(Set.of(down.fingerprint()), Set.of(), T0));
    clock.advance(Duration.ofMinutes(2));
    Alert up = new Alert(API_DOWN, Map.of(), T0, clock.instant(), "", clock.instant());
    a.alerts().upsert(List.of(up));
    a.close(); // dies before the flush that would have sent the resolve

    List<Alert> fromPeer = new ArrayList<>();
    b.syncWithPeers(clock.instant(), fromPeer::addAll);
    assertEquals(List.of(up), fromPeer, "B learnt of the alert as it now stands");

    // B holds no group for it (non-owners drop resolved alerts): its peer sync finds the lapsed lease.
    clock.advance(GROUP_INTERVAL.plusMinutes(1));
    List<Alert> owed = new ArrayList<>();
    b.syncWithPeers(clock.instant(), owed::addAll);
    assertEquals(List.of(up), owed, "the lapsed lease owes a resolve: B's dispatcher gets the alert again");

    // And a group B does hold, without the resolved alert, gets it back at takeover.
    Alert other = new Alert(Labels.of("alertname", "TTAServiceDown", "service", "web"), Map.of(), T0, null, "", T0);
    List<Alert> flushed = b.flushGuard().apply(flushAt(clock.instant()), List.of(other));
    assertEquals(List.of(other, up), flushed);
    a = Persistence.openJdbc(url, "replica-a", clock, (stale, held) -> {});
  }

  @Test
  void aLapsedLeaseThatOwesNothingIsForgotten() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.flushGuard().apply(flushAt(T0), List.of(down));
    clock.advance(GROUP_INTERVAL.plusSeconds(1));

    List<Alert> owed = new ArrayList<>();
    b.syncWithPeers(clock.instant(), owed::addAll);

    assertEquals(List.of(), owed);
    assertEquals(List.of(down), a.flushGuard().apply(flushAt(clock.instant()), List.of(down)),
        "the group is anybody's again");
  }

  @Test
  void aPeerSeesAnExtensionOnceItIsCheckpointed() {
    ManualScheduler scheduler = new ManualScheduler(clock);
    a.scheduleCheckpoints(scheduler);
    Alert first = new Alert(API_DOWN, Map.of(), T0, T0.plus(Duration.ofMinutes(4)), "", T0);
    a.alerts().upsert(List.of(first));
    b.syncWithPeers(clock.instant(), alerts -> {});
    scheduler.advance(Duration.ofSeconds(30)); // a checkpoint on the way finds nothing to write
    long transactions = a.stats().transactions();

    Alert renewed = new Alert(API_DOWN, Map.of(), T0, clock.instant().plus(Duration.ofMinutes(4)), "", clock.instant());
    a.alerts().upsert(List.of(renewed));

    assertEquals(transactions, a.stats().transactions(), "nothing committed: only the peer reads under the write lock");
    assertEquals(Optional.of(renewed), a.alerts().get(API_DOWN.fingerprint()));
    b.syncWithPeers(clock.instant(), alerts -> {});
    assertEquals(Optional.of(first), b.alerts().get(API_DOWN.fingerprint()), "not written yet");

    scheduler.advance(Persistence.CHECKPOINT_PERIOD);
    List<Alert> fed = new ArrayList<>();
    b.syncWithPeers(clock.instant(), fed::addAll);

    assertEquals(Optional.of(renewed), b.alerts().get(API_DOWN.fingerprint()));
    assertEquals(List.of(renewed), fed, "B's dispatcher hears of it too");
  }

  @Test
  void aPeersWriteSupersedesADeferredExtension() {
    ManualScheduler scheduler = new ManualScheduler(clock);
    a.scheduleCheckpoints(scheduler);
    a.alerts().upsert(List.of(new Alert(API_DOWN, Map.of(), T0, T0.plus(Duration.ofMinutes(4)), "", T0)));
    scheduler.advance(Duration.ofSeconds(30));
    a.alerts().upsert(List.of(
        new Alert(API_DOWN, Map.of(), T0, clock.instant().plus(Duration.ofMinutes(4)), "", clock.instant())));
    assertEquals(1, a.stats().deferredAlerts());

    Alert resolvedOnB = b.alerts().upsert(List.of(
        new Alert(API_DOWN, Map.of(), T0, clock.instant(), "", clock.instant()))).get(0);
    scheduler.advance(Persistence.CHECKPOINT_PERIOD);

    assertEquals(0, a.stats().checkpointedAlerts(), "A read B's resolve first, and dropped its extension");
    assertEquals(0, a.stats().deferredAlerts());
    assertEquals(Optional.of(resolvedOnB), a.alerts().get(API_DOWN.fingerprint()));
    try (Persistence c = Persistence.openJdbc(url, "replica-c", clock, (stale, held) -> {})) {
      assertEquals(Optional.of(resolvedOnB), c.alerts().get(API_DOWN.fingerprint()), "the database holds the resolve");
    }
  }

  private FlushContext flushAt(Instant now) {
    return new FlushContext(GROUP, API_DOWN.select(List.of("alertname")), "team", "{}", Duration.ofHours(4),
        GROUP_INTERVAL, List.of(), List.of(), now);
  }

}
