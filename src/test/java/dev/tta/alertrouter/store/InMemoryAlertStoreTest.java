package dev.tta.alertrouter.store;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryAlertStoreTest {
  static final Instant T0 = Instant.parse("2026-11-24T19:00:00Z");
  static final Labels LABELS = Labels.of("alertname", "TTAServiceDown", "service", "api");

  final ManualClock clock = new ManualClock(T0);
  final List<Alert> staleCopies = new ArrayList<>();
  final InMemoryAlertStore store =
      new InMemoryAlertStore(clock, (stale, held) -> staleCopies.add(stale));

  static Alert alert(Instant startsAt, Instant endsAt, Instant updatedAt) {
    return new Alert(LABELS, Map.of(), startsAt, endsAt, "", updatedAt);
  }

  static Alert timeoutAlert(Instant startsAt, Instant endsAt, Instant updatedAt) {
    return new Alert(LABELS, Map.of(), startsAt, endsAt, "", updatedAt, true);
  }

  Alert held() {
    return store.get(LABELS.fingerprint()).orElseThrow();
  }

  @Test
  void resolvedCopyResolvesFiringAlertWithUnknownEnd() {
    store.upsert(List.of(alert(T0, null, T0)));
    clock.advance(Duration.ofMinutes(5));
    Instant end = T0.plusSeconds(240);
    store.upsert(List.of(alert(T0, end, clock.instant())));

    assertEquals(end, held().endsAt());
    assertEquals(Alert.Status.RESOLVED, held().statusAt(clock.instant()));
    assertEquals(1, store.size());
  }

  @Test
  void upsertReturnsTheMergedValueKeepingTheEarliestStart() {
    store.upsert(List.of(alert(T0, null, T0)));
    clock.advance(Duration.ofMinutes(5));
    // A resolved copy that claims a later start (e.g. from a replica that saw it later).
    Alert late = alert(T0.plusSeconds(60), T0.plusSeconds(240), clock.instant());

    List<Alert> stored = store.upsert(List.of(late));

    assertEquals(T0, stored.get(0).startsAt());
    assertEquals(T0.plusSeconds(240), stored.get(0).endsAt());
    assertEquals(stored.get(0), held());
  }

  @Test
  void firingCopyStartedBeforeTheResolvedEndIsStale() {
    Instant end = T0.plusSeconds(240);
    store.upsert(List.of(alert(T0, end, T0.plusSeconds(250))));
    clock.set(T0.plusSeconds(300));
    // A slower HA replica still sends the firing copy of the same occurrence.
    Alert slowReplica = alert(T0, null, clock.instant());

    List<Alert> stored = store.upsert(List.of(slowReplica));

    assertEquals(Alert.Status.RESOLVED, held().statusAt(clock.instant()));
    assertEquals(end, stored.get(0).endsAt());
    assertEquals(List.of(slowReplica), staleCopies);
  }

  @Test
  void firingCopyStartedAfterTheResolvedEndIsANewOccurrence() {
    Instant end = T0.plusSeconds(240);
    store.upsert(List.of(alert(T0, end, T0.plusSeconds(250))));
    clock.set(T0.plusSeconds(600));
    Instant restarted = T0.plusSeconds(500);

    store.upsert(List.of(alert(restarted, null, clock.instant())));

    assertEquals(Alert.Status.FIRING, held().statusAt(clock.instant()));
    assertEquals(restarted, held().startsAt());
    assertNull(held().endsAt());
    assertTrue(staleCopies.isEmpty());
  }

  @Test
  void anEndGuessedByResolveTimeoutDoesNotMakeAStillFiringCopyStale() {
    // Prometheus pushed without endsAt, then went quiet past resolve_timeout (e.g. a restart).
    store.upsert(List.of(timeoutAlert(T0, T0.plusSeconds(300), T0)));
    clock.set(T0.plusSeconds(400));

    store.upsert(List.of(timeoutAlert(T0, clock.instant().plusSeconds(300), clock.instant())));

    assertEquals(Alert.Status.FIRING, held().statusAt(clock.instant()));
    assertTrue(staleCopies.isEmpty());
  }

  @Test
  void resentPushExtendsTheEnd() {
    store.upsert(List.of(alert(T0, T0.plusSeconds(240), T0)));
    clock.advance(Duration.ofMinutes(1));

    store.upsert(List.of(alert(T0, T0.plusSeconds(300), clock.instant())));

    assertEquals(T0.plusSeconds(300), held().endsAt());
    assertEquals(clock.instant(), held().updatedAt());
  }

  @Test
  void explicitLaterEndBeatsANewerCopyWithAnEarlierEnd() {
    // Alertmanager's Merge: a non-timeout end rules when it is the latest.
    store.upsert(List.of(alert(T0, T0.plusSeconds(600), T0)));
    clock.advance(Duration.ofSeconds(30));

    store.upsert(List.of(alert(T0.plusSeconds(10), T0.plusSeconds(300), clock.instant())));

    assertEquals(T0.plusSeconds(600), held().endsAt());
    assertEquals(T0, held().startsAt());
  }

  @Test
  void explicitEndBeatsAnEndGuessedByTimeout() {
    store.upsert(List.of(timeoutAlert(T0, T0.plusSeconds(600), T0)));
    clock.advance(Duration.ofSeconds(30));

    store.upsert(List.of(alert(T0.plusSeconds(10), T0.plusSeconds(300), clock.instant())));

    assertEquals(T0.plusSeconds(300), held().endsAt());
    assertFalse(held().endsAtByTimeout());
  }

  @Test
  void latestResolvedEndWinsWhenBothCopiesAreResolved() {
    store.upsert(List.of(alert(T0, T0.plusSeconds(200), T0.plusSeconds(300))));
    clock.set(T0.plusSeconds(400));

    store.upsert(List.of(alert(T0, T0.plusSeconds(100), T0.plusSeconds(350))));

    assertEquals(T0.plusSeconds(200), held().endsAt());
  }

  @Test
  void listFiltersByMatchersAndSortsByFingerprint() {
    List<Alert> alerts = new ArrayList<>();
    for (String team : List.of("platform", "cost-optimization", "platform", "platform")) {
      Labels labels = Labels.of("alertname", "A" + alerts.size(), "team", team);
      alerts.add(new Alert(labels, Map.of(), T0, null, "", T0));
    }
    store.upsert(alerts);

    List<Alert> platform = store.list(Matchers.parseList("team=\"platform\""));

    assertEquals(3, platform.size());
    for (int i = 1; i < platform.size(); i++) {
      assertTrue(Long.compareUnsigned(
          platform.get(i - 1).fingerprint().value(), platform.get(i).fingerprint().value()) < 0);
    }
    assertEquals(4, store.list(List.of()).size());
  }

  @Test
  void countsFiringAndResolvedAtAnInstant() {
    store.upsert(List.of(
        new Alert(Labels.of("alertname", "A"), Map.of(), T0, null, "", T0),
        new Alert(Labels.of("alertname", "B"), Map.of(), T0, T0.plusSeconds(60), "", T0)));

    assertEquals(Map.of(Alert.Status.FIRING, 2L, Alert.Status.RESOLVED, 0L), store.countByStatus(T0));
    assertEquals(Map.of(Alert.Status.FIRING, 1L, Alert.Status.RESOLVED, 1L),
        store.countByStatus(T0.plusSeconds(60)));
  }

  @Test
  void closedStoreRefusesAlertsButStillAnswersReads() {
    store.upsert(List.of(alert(T0, null, T0)));
    store.close();

    assertThrows(StoreUnavailableException.class, () -> store.upsert(List.of(alert(T0, null, T0))));
    assertEquals(1, store.list(List.of()).size());
  }
}
