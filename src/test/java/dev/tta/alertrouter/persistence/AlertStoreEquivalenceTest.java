package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import dev.tta.alertrouter.store.Upserted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database-backed alert store merges exactly as the in-memory one (both use {@code AlertMerge}):
 * seeded random streams of firing, resolved, stale and timed-out copies give the same answers
 * from both, before and after a restart.
 */
class AlertStoreEquivalenceTest {
  static final Instant T0 = Instant.parse("2026-11-24T19:00:00Z");
  static final List<Labels> LABELS = List.of(
      Labels.of("alertname", "TTAServiceDown", "service", "api"),
      Labels.of("alertname", "TTAServiceDown", "service", "web"),
      Labels.of("alertname", "TTAHighLatency", "service", "api"),
      Labels.of("alertname", "TTACacheHitRatioLow"));

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void mergesAsTheInMemoryStoreDoes(long seed) {
    Random random = new Random(seed);
    ManualClock clock = new ManualClock(T0);
    List<Alert> memoryStale = new ArrayList<>();
    List<Alert> sqlStale = new ArrayList<>();
    InMemoryAlertStore memory = new InMemoryAlertStore(clock, (stale, held) -> memoryStale.add(stale));
    int repeats = 0;
    int news = 0;
    try (Persistence persistence = Persistence.open(dataDir, clock, (stale, held) -> sqlStale.add(stale))) {
      for (int step = 0; step < 300; step++) {
        clock.advance(Duration.ofMillis(1 + random.nextInt(30_000)).plusNanos(random.nextInt(1_000_000)));
        List<Alert> batch = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
          batch.add(randomCopy(random, clock.instant(), memory));
        }
        Upserted expected = memory.upsertAll(batch);
        assertEquals(expected, persistence.alerts().upsertAll(batch), "step " + step);
        repeats += expected.repeats().cardinality();
        news += batch.size() - expected.repeats().cardinality();
        if (random.nextInt(20) == 0) {
          Instant cutoff = clock.instant().minus(Duration.ofMinutes(random.nextInt(10)));
          assertEquals(memory.pruneResolvedBefore(cutoff), persistence.alerts().pruneResolvedBefore(cutoff));
        }
      }
      assertEquals(memory.list(List.of()), persistence.alerts().list(List.of()));
      assertEquals(memoryStale, sqlStale);
      assertTrue(memoryStale.size() > 10, "the stream exercised the stale rule");
      assertTrue(repeats > 30 && news > 30, "repeats " + repeats + ", news " + news);
    }
    try (Persistence reopened = Persistence.open(dataDir, clock, (stale, held) -> {})) {
      assertEquals(memory.list(List.of()), reopened.alerts().list(List.of()));
      assertEquals(memory.countByStatus(clock.instant()), reopened.alerts().countByStatus(clock.instant()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8})
  void concurrentWritersLoseNothing(int writers) throws Exception {
    ManualClock clock = new ManualClock(T0);
    int perWriter = 300;
    try (Persistence persistence = Persistence.open(dataDir, clock, (stale, held) -> {})) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            Labels labels = Labels.of("alertname", "Load", "writer", "w" + writer, "n", Integer.toString(i));
            persistence.alerts().upsert(List.of(new Alert(labels, Map.of(), T0, null, "", T0)));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      WriterStats stats = persistence.stats();
      assertEquals(writers * perWriter, stats.writes());
      assertTrue(stats.transactions() <= stats.writes());
      assertEquals(0, stats.failedWrites());
    }
    try (Persistence reopened = Persistence.open(dataDir, clock, (stale, held) -> {})) {
      assertEquals(writers * perWriter, reopened.alerts().size());
      assertEquals(new WriterStats(0, 0, 0, 0, 0, 0, 0), reopened.stats(), "a fresh start counts from zero");
    }
  }

  private static Alert randomCopy(Random random, Instant now, InMemoryAlertStore held) {
    Labels labels = LABELS.get(random.nextInt(LABELS.size()));
    Instant startsAt = now.minus(Duration.ofSeconds(random.nextInt(900)));
    Alert known = held.get(labels.fingerprint()).orElse(null);
    if (known != null && random.nextInt(3) == 0) {
      // Prometheus' resend: the same alert with a later end (an extension while it fires).
      return new Alert(known.labels(), known.annotations(), known.startsAt(), now.plus(Duration.ofMinutes(4)),
          known.generatorUrl(), now, known.endsAtByTimeout());
    }
    return switch (random.nextInt(4)) {
      case 0 -> new Alert(labels, Map.of("summary", "s" + random.nextInt(3)), startsAt, null, "", now);
      case 1 -> new Alert(labels, Map.of(), startsAt, now.minus(Duration.ofSeconds(random.nextInt(600))), "", now);
      case 2 -> new Alert(labels, Map.of(), startsAt, now.plus(Duration.ofMinutes(5)), "", now, true);
      default -> new Alert(labels, Map.of(), startsAt, now.plus(Duration.ofSeconds(random.nextInt(600))), "", now);
    };
  }
}
