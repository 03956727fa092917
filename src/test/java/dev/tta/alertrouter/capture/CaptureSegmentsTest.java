package dev.tta.alertrouter.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.CaptureSettings;
import dev.tta.alertrouter.dispatch.ManualClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureSegmentsTest {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  static CaptureRecord record(Instant at, int n, Random random) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(new Alert(Labels.of("alertname", "A" + random.nextInt(50), "instance", "host-" + random.nextInt(1000)),
          Map.of("summary", "x".repeat(random.nextInt(200))), at.minusSeconds(60), at.plusSeconds(240), "http://prom/graph", at,
          random.nextBoolean()));
    }
    return new CaptureRecord(at, "prometheus", alerts);
  }

  @Test
  void aRecordSurvivesTheRoundTrip() {
    Alert resolvedUnknownEnd = new Alert(Labels.of("alertname", "B", "team", "db"), Map.of("summary", "s \"q\"\n"),
        T0, null, "", T0);
    CaptureRecord r = new CaptureRecord(T0, "alertmanager", List.of(record(T0, 1, new Random(1)).alerts().get(0), resolvedUnknownEnd));
    CaptureRecord back = CaptureCodec.parse(CaptureCodec.line(r)).orElseThrow();
    assertEquals(r, back);
    assertEquals(r.alerts().get(1).fingerprint(), back.alerts().get(1).fingerprint());
  }

  @Test
  void staysUnderItsSizeBoundUnderChurn(@TempDir Path data) throws Exception {
    ManualClock clock = new ManualClock(T0);
    long max = 256 * 1024;
    CaptureSettings settings = new CaptureSettings(true, Duration.ofHours(24), max);
    Random random = new Random(42);
    long written = 0;
    try (CaptureSegments segments = CaptureSegments.open(data, () -> settings, clock)) {
      for (int i = 0; i < 3000; i++) {
        clock.advance(Duration.ofSeconds(1));
        CaptureRecord r = record(clock.instant(), 1 + random.nextInt(5), random);
        written += CaptureCodec.line(r).length();
        segments.append(r);
        segments.flush();
        assertTrue(folderSize(data) <= max, "over the bound after record " + i + ": " + folderSize(data));
      }
      assertTrue(written > 4 * max, "the churn must exceed the bound several times: " + written);
      // The newest records are kept, oldest dropped first.
      List<CaptureRecord> kept = new ArrayList<>();
      segments.read(Instant.EPOCH, kept::add);
      assertEquals(clock.instant(), kept.get(kept.size() - 1).receivedAt());
      assertTrue(kept.get(0).receivedAt().isAfter(T0.plusSeconds(600)));
      for (int i = 1; i < kept.size(); i++) {
        assertTrue(!kept.get(i).receivedAt().isBefore(kept.get(i - 1).receivedAt()));
      }
    }
  }

  @Test
  void dropsSegmentsOlderThanMaxAgeAndReadsSince(@TempDir Path data) throws Exception {
    ManualClock clock = new ManualClock(T0);
    CaptureSettings settings = new CaptureSettings(true, Duration.ofHours(1), 160 * 1024);
    Random random = new Random(3);
    try (CaptureSegments segments = CaptureSegments.open(data, () -> settings, clock)) {
      for (int i = 0; i < 3 * 3600; i += 10) {
        clock.advance(Duration.ofSeconds(10));
        segments.append(record(clock.instant(), 3, random));
      }
      segments.flush();
      List<CaptureRecord> all = new ArrayList<>();
      segments.read(Instant.EPOCH, all::add);
      Instant oldest = all.get(0).receivedAt();
      // Whole segments go: what is kept starts at most one segment before max_age.
      assertTrue(oldest.isAfter(clock.instant().minus(Duration.ofHours(2))), "oldest kept " + oldest);
      List<CaptureRecord> recent = new ArrayList<>();
      Instant since = clock.instant().minus(Duration.ofMinutes(5));
      segments.read(since, recent::add);
      assertEquals(31, recent.size(), "since is inclusive");
      assertTrue(recent.stream().noneMatch(r -> r.receivedAt().isBefore(since)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      segments.export(since, out);
      assertEquals(31, out.toString(StandardCharsets.UTF_8).lines().count());
    }
  }

  @Test
  void aTornLastLineIsSkippedAndAReopenedFolderContinues(@TempDir Path data) throws Exception {
    ManualClock clock = new ManualClock(T0);
    Random random = new Random(5);
    try (CaptureSegments segments = CaptureSegments.open(data, CaptureSettings::defaults, clock)) {
      segments.append(record(T0, 2, random));
    }
    try (var files = Files.list(data.resolve(CaptureSegments.FOLDER))) {
      Path only = files.findFirst().orElseThrow();
      Files.writeString(only, "{\"receivedAt\":\"2026-12-01T00:0", StandardOpenOption.APPEND);
    }
    clock.advance(Duration.ofSeconds(5));
    try (CaptureSegments segments = CaptureSegments.open(data, CaptureSettings::defaults, clock)) {
      segments.append(record(clock.instant(), 1, random));
      segments.flush();
      AtomicInteger n = new AtomicInteger();
      segments.read(Instant.EPOCH, r -> n.incrementAndGet());
      assertEquals(2, n.get());
      assertEquals(2, segments.segmentCount());
    }
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking(@TempDir Path data) throws Exception {
    ManualClock clock = new ManualClock(T0);
    AtomicInteger dropped = new AtomicInteger();
    Random random = new Random(9);
    CaptureSegments segments = CaptureSegments.open(data, CaptureSettings::defaults, clock);
    try (CaptureWriter writer = new CaptureWriter(segments, 1, r -> dropped.incrementAndGet())) {
      for (int i = 0; i < 2000; i++) {
        writer.offer(record(T0, 5, random));
      }
      writer.flush();
      AtomicInteger kept = new AtomicInteger();
      segments.read(Instant.EPOCH, r -> kept.incrementAndGet());
      assertEquals(2000, kept.get() + dropped.get());
      assertTrue(dropped.get() > 0, "a queue of one must overflow");
    }
  }

  static long folderSize(Path data) throws Exception {
    try (var files = Files.list(data.resolve(CaptureSegments.FOLDER))) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
