package dev.tta.alertrouter.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tta.alertrouter.capture.CaptureCodec;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Writes the day of a seeded storm that bench/README.md replays (skipped unless asked):
 * {@code mvn -B -q test -Dtest=DayCaptureFileTest -Dreplay.day.capture=/tmp/day.ndjson [-Dreplay.day.series=800]}.
 */
class DayCaptureFileTest {
  @Test
  void writeADayOfAStorm() throws Exception {
    String out = System.getProperty("replay.day.capture");
    assumeTrue(out != null && !out.isBlank(), "set -Dreplay.day.capture=FILE to write the day's capture");
    int series = Integer.getInteger("replay.day.series", 800);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
      new StormCapture(2026, series, Duration.ofMinutes(1)).generate(Instant.parse("2026-12-01T00:00:00Z"), Duration.ofHours(24), r -> {
        try {
          w.write(CaptureCodec.line(r));
          w.write('\n');
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
