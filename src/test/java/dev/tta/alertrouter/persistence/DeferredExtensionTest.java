package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resend that only renews {@code endsAt}, as Prometheus sends every firing alert at every
 * evaluation, is acknowledged without a commit, published at once and written behind by the next
 * checkpoint or at close; everything else is committed before the upsert returns.
 */
class DeferredExtensionTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  /** As Prometheus sets it: 4 × max(evaluation interval, resend delay) ahead. */
  static final Duration AHEAD = Duration.ofMinutes(4);
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);

  Persistence open() {
    return Persistence.open(dataDir, clock, StaleAlertListener.IGNORE);
  }

  /** The copy Prometheus sends now: same labels, annotations and start, a later end. */
  Alert resent(Labels labels) {
    return new Alert(labels, Map.of("summary", "api is down"), T0, clock.instant().plus(AHEAD), "http://prom/graph",
        clock.instant());
  }

  @Test
  void anExtensionIsPublishedAtOnceWithoutACommit() throws Exception {
    try (Persistence persistence = open()) {
      Alert first = persistence.alerts().upsert(List.of(resent(API_DOWN))).get(0);
      long transactions = persistence.stats().transactions();

      clock.advance(Duration.ofSeconds(30));
      Alert renewed = resent(API_DOWN);
      List<Alert> stored = persistence.alerts().upsert(List.of(renewed));

      assertEquals(List.of(renewed), stored);
      assertEquals(Optional.of(renewed), persistence.alerts().get(API_DOWN.fingerprint()), "readers see the new end");
      assertEquals(List.of(renewed), persistence.alerts().list(List.of()));
      WriterStats stats = persistence.stats();
      assertEquals(transactions, stats.transactions(), "no commit, no fsync");
      assertEquals(1, stats.writesWithoutTransaction());
      assertEquals(1, stats.deferredAlerts());
      assertEquals(first.endsAt(), endsAtOnDisk(API_DOWN), "the database still holds the first end");
    }
  }

  @Test
  void theCheckpointWritesEachExtendedAlertOnceWithItsLatestEnd() throws Exception {
    Labels web = Labels.of("alertname", "TTAServiceDown", "service", "web");
    Alert latest;
    try (Persistence persistence = open()) {
      persistence.scheduleCheckpoints(scheduler);
      persistence.alerts().upsert(List.of(resent(API_DOWN), resent(web)));
      clock.advance(Duration.ofSeconds(3));
      persistence.alerts().upsert(List.of(resent(API_DOWN)));
      clock.advance(Duration.ofSeconds(3));
      latest = persistence.alerts().upsert(List.of(resent(API_DOWN))).get(0);
      long transactions = persistence.stats().transactions();

      scheduler.advance(Persistence.CHECKPOINT_PERIOD);

      WriterStats stats = persistence.stats();
      assertEquals(transactions + 1, stats.transactions());
      assertEquals(1, stats.checkpointedAlerts(), "one row for the alert resent twice, none for the other");
      assertEquals(0, stats.deferredAlerts());
      assertEquals(latest.endsAt(), endsAtOnDisk(API_DOWN));

      scheduler.advance(Persistence.CHECKPOINT_PERIOD);
      assertEquals(transactions + 1, persistence.stats().transactions(), "nothing deferred, nothing written");
    }
    try (Persistence reopened = open()) {
      assertEquals(Optional.of(latest), reopened.alerts().get(API_DOWN.fingerprint()));
    }
  }

  @Test
  void closingWritesTheDeferredExtensions() {
    Alert renewed;
    try (Persistence persistence = open()) {
      persistence.alerts().upsert(List.of(resent(API_DOWN)));
      clock.advance(Duration.ofSeconds(30));
      renewed = persistence.alerts().upsert(List.of(resent(API_DOWN))).get(0);
    }
    try (Persistence reopened = open()) {
      assertEquals(Optional.of(renewed), reopened.alerts().get(API_DOWN.fingerprint()));
    }
  }

  @Test
  void aCrashLosesOnlyTheExtensionAndTheAlertStillFires() throws Exception {
    try (CrashTargetProcess target = CrashTargetProcess.start(ExtensionCrashTarget.class, dataDir.toString())) {
      target.awaitAcks(1);
      target.kill();
    }

    try (Persistence reopened = open()) {
      Alert kept = reopened.alerts().get(ExtensionCrashTarget.LABELS.fingerprint()).orElseThrow();
      assertEquals(ExtensionCrashTarget.FIRST_END, kept.endsAt(), "the durable end, not the deferred one");
      assertFalse(kept.isResolvedAt(ExtensionCrashTarget.EXTENDED_AT), "still firing when the lost resend came");
    }
  }

  @Test
  void anExtensionOfACopyEndingWithinTheLeadIsCommittedFirst() throws Exception {
    try (Persistence persistence = open()) {
      Instant soon = T0.plus(SqlAlertStore.DURABLE_LEAD).plusSeconds(30);
      persistence.alerts().upsert(List.of(new Alert(API_DOWN, Map.of(), T0, soon, "", T0)));
      long transactions = persistence.stats().transactions();

      clock.advance(Duration.ofSeconds(31)); // the copy on disk now ends within the lead
      Alert renewed = new Alert(API_DOWN, Map.of(), T0, clock.instant().plus(AHEAD), "", clock.instant());
      Alert stored = persistence.alerts().upsert(List.of(renewed)).get(0);

      assertEquals(transactions + 1, persistence.stats().transactions());
      assertEquals(0, persistence.stats().deferredAlerts());
      assertEquals(stored.endsAt(), endsAtOnDisk(API_DOWN));
    }
  }

  @Test
  void changesOtherThanALaterEndAreCommittedFirst() throws Exception {
    try (Persistence persistence = open()) {
      Alert held = resent(Labels.of("alertname", "Annotations"));
      assertCommittedFirst(persistence, "annotations", held, later(held).withAnnotations(Map.of("summary", "worse")));
      held = resent(Labels.of("alertname", "Start"));
      Alert copy = later(held);
      assertCommittedFirst(persistence, "start", held, copy.withTimes(T0.minusSeconds(60), copy.endsAt(), copy.updatedAt()));
      held = resent(Labels.of("alertname", "Labels"));
      assertCommittedFirst(persistence, "labels", held, later(held).withDerivedLabels(held.labels().with("priority", "P1")));
      held = resent(Labels.of("alertname", "GeneratorUrl"));
      copy = later(held);
      assertCommittedFirst(persistence, "generator URL", held, new Alert(copy.labels(), copy.annotations(),
          copy.startsAt(), copy.endsAt(), "http://other", copy.updatedAt()));
      held = resent(Labels.of("alertname", "Resolve"));
      copy = later(held);
      assertCommittedFirst(persistence, "resolve", held, copy.withTimes(T0, copy.updatedAt(), copy.updatedAt()));
      held = new Alert(Labels.of("alertname", "ExplicitEnd"), Map.of(), T0, clock.instant().plus(AHEAD), "",
          clock.instant(), true);
      copy = later(held);
      assertCommittedFirst(persistence, "an explicit, earlier end over resolve_timeout's guess", held,
          copy.withTimes(T0, held.endsAt().minusSeconds(60), copy.updatedAt()));
    }
  }

  /** {@code alert} resent a second later, with its end a second later too. */
  private Alert later(Alert alert) {
    clock.advance(Duration.ofSeconds(1));
    return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), alert.endsAt().plusSeconds(1),
        alert.generatorUrl(), clock.instant(), alert.endsAtByTimeout(), alert.fingerprint());
  }

  private void assertCommittedFirst(Persistence persistence, String change, Alert held, Alert changed)
      throws Exception {
    persistence.alerts().upsert(List.of(held));
    long transactions = persistence.stats().transactions();

    Alert stored = persistence.alerts().upsert(List.of(changed)).get(0);

    assertEquals(changed, stored, change);
    assertEquals(transactions + 1, persistence.stats().transactions(), change);
    assertEquals(0, persistence.stats().deferredAlerts(), change);
    assertEquals(stored.endsAt(), endsAtOnDisk(held.labels()), change);
  }

  @Test
  void aNewerWriteOfTheAlertIsNotOverwrittenByItsDeferredExtension() throws Exception {
    Alert resolved;
    try (Persistence persistence = open()) {
      persistence.scheduleCheckpoints(scheduler);
      persistence.alerts().upsert(List.of(resent(API_DOWN)));
      clock.advance(Duration.ofSeconds(3));
      persistence.alerts().upsert(List.of(resent(API_DOWN)));
      clock.advance(Duration.ofSeconds(3));
      Alert up = resent(API_DOWN);
      resolved = persistence.alerts().upsert(List.of(up.withTimes(T0, clock.instant(), clock.instant()))).get(0);

      scheduler.advance(Persistence.CHECKPOINT_PERIOD);

      assertEquals(0, persistence.stats().checkpointedAlerts());
      assertEquals(resolved.endsAt(), endsAtOnDisk(API_DOWN));
    }
    try (Persistence reopened = open()) {
      assertEquals(Optional.of(resolved), reopened.alerts().get(API_DOWN.fingerprint()));
    }
  }

  @Test
  void aPrunedAlertIsNotWrittenBackByItsDeferredExtension() {
    try (Persistence persistence = open()) {
      persistence.alerts().upsert(List.of(resent(API_DOWN)));
      clock.advance(Duration.ofSeconds(30));
      Alert renewed = persistence.alerts().upsert(List.of(resent(API_DOWN))).get(0);
      assertEquals(1, persistence.stats().deferredAlerts());

      clock.set(renewed.endsAt().plus(Duration.ofHours(2))); // the sender stopped; the alert ended long ago
      Pruned pruned = persistence.prune(clock.instant(),
          new Retention(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));

      assertEquals(1, pruned.alerts());
      assertEquals(0, persistence.stats().deferredAlerts());
    }
    try (Persistence reopened = open()) {
      assertEquals(Optional.empty(), reopened.alerts().get(API_DOWN.fingerprint()), "closing wrote nothing back");
    }
  }

  /** The end of the alert's newest row, read by another connection as another process would. */
  private Instant endsAtOnDisk(Labels labels) throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Persistence.DATABASE_FILE));
        PreparedStatement query = other.prepareStatement(
            "SELECT ends_at FROM alert_journal WHERE fingerprint = ? ORDER BY seq DESC LIMIT 1")) {
      query.setLong(1, labels.fingerprint().value());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new AssertionError("no row for " + labels);
        }
        String endsAt = row.getString(1);
        return endsAt == null ? null : Instant.parse(endsAt);
      }
    }
  }
}
