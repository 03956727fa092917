package dev.tta.alertrouter.store;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ResolvedAlertPrunerTest {
  static final Instant T0 = Instant.parse("2026-11-24T19:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final InMemoryAlertStore store = new InMemoryAlertStore(clock, StaleAlertListener.IGNORE);
  final AtomicReference<Duration> retention = new AtomicReference<>(Duration.ofMinutes(15));
  final ResolvedAlertPruner pruner = new ResolvedAlertPruner(store, clock, retention::get);

  static Alert alert(String name, Instant endsAt) {
    return new Alert(Labels.of("alertname", name), Map.of(), T0.minusSeconds(3600), endsAt, "", T0);
  }

  @Test
  void dropsAlertsResolvedLongerAgoThanTheRetentionOnly() {
    store.upsert(List.of(
        alert("ResolvedLongAgo", T0.minus(Duration.ofMinutes(20))),
        alert("ResolvedRecently", T0.minus(Duration.ofMinutes(5))),
        alert("FiringUnknownEnd", null),
        alert("FiringUntil", T0.plus(Duration.ofMinutes(5)))));

    assertEquals(1, pruner.prune());

    assertEquals(List.of("FiringUnknownEnd", "FiringUntil", "ResolvedRecently"),
        store.list(List.of()).stream().map(Alert::name).sorted().toList());
  }

  @Test
  void resolvedAlertIsKeptUntilTheRetentionHasPassed() {
    store.upsert(List.of(alert("A", T0)));

    clock.set(T0.plus(Duration.ofMinutes(15)));
    assertEquals(0, pruner.prune());
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, pruner.prune());
    assertEquals(0, store.size());
  }

  @Test
  void retentionChangedByAReloadAppliesAtTheNextRun() {
    store.upsert(List.of(alert("A", T0.minus(Duration.ofMinutes(5)))));
    assertEquals(0, pruner.prune());

    retention.set(Duration.ofMinutes(1));

    assertEquals(1, pruner.prune());
  }
}
