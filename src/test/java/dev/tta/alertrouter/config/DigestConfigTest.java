package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestConfigTest {
  @TempDir Path dir;

  private static Optional<DigestConfig> digestOf(LoadResult result) {
    return loaded(result).receivers().get(0).digest();
  }

  @Test
  void noDigestUnlessWritten() {
    Path file = write(dir, "a.yml", "route: {receiver: r}\nreceivers: [{name: r}]\n");
    assertEquals(Optional.empty(), digestOf(load(file)));
  }

  @Test
  void readsBothKeysWithTheirLocation() {
    Path file = write(dir, "a.yml", """
        route: {receiver: r}
        receivers:
          - name: r
            digest:
              max_per_interval: 25
              interval: 10m
        """);
    DigestConfig digest = digestOf(load(file)).orElseThrow();
    assertEquals(25, digest.maxPerInterval());
    assertEquals(Duration.ofMinutes(10), digest.interval());
    assertEquals(4, digest.location().line(), "the line of digest:");
  }

  @Test
  void anEmptyDigestTakesTheDefaults() {
    Path file = write(dir, "a.yml", """
        route: {receiver: r}
        receivers: [{name: r, digest: {}}]
        """);
    DigestConfig digest = digestOf(load(file)).orElseThrow();
    assertEquals(10, digest.maxPerInterval());
    assertEquals(Duration.ofMinutes(5), digest.interval());
  }

  @Test
  void badValuesAreErrorsNamingFileLineAndKey() {
    Path file = write(dir, "a.yml", """
        route: {receiver: r}
        receivers:
          - name: r
            digest:
              max_per_interval: 0
              interval: -5m
              every: 5m
          - name: s
            digest: {max_per_interval: ten, interval: 0s}
        """);
    LoadResult result = load(file);
    assertFalse(result.ok());
    List<String> errors = result.errors().stream().map(ConfigError::toString).toList();
    String f = file.toString();
    assertEquals(List.of(
        f + ":5: receivers[0].digest.max_per_interval: must be at least 1, found 0",
        f + ":6: receivers[0].digest.interval: not a valid duration string: \"-5m\" (use e.g. 30s, 5m, 1h30m, 1d)",
        f + ":7: receivers[0].digest.every: unknown key",
        f + ":9: receivers[1].digest.interval: must be positive",
        f + ":9: receivers[1].digest.max_per_interval: expected a whole number, found \"ten\""),
        errors.stream().sorted().toList());
  }
}
