package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureSettingsTest {
  @TempDir Path dir;

  @Test
  void onByDefaultBoundedByADayAnd64MiB() {
    Path file = write(dir, "a.yml", "route: {receiver: r}\nreceivers: [{name: r}]\n");
    assertEquals(new CaptureSettings(true, Duration.ofHours(24), 64L << 20), loaded(load(file)).server().capture());
  }

  @Test
  void readsEveryKey() {
    Path file = write(dir, "a.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        server:
          capture: {enabled: false, max_age: 6h, max_size: 10MiB}
        """);
    assertEquals(new CaptureSettings(false, Duration.ofHours(6), 10L << 20), loaded(load(file)).server().capture());
  }

  @Test
  void refusesBadValuesNamingTheKey() {
    Path file = write(dir, "a.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        server:
          capture: {max_age: 0s, max_size: lots, keep: forever}
        """);
    List<String> errors = load(file).errors().stream().map(ConfigError::toString).toList();
    assertFalse(load(file).ok());
    assertTrue(errors.stream().anyMatch(e -> e.contains("server.capture.max_age")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("server.capture.max_size")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("keep")), errors.toString());
  }
}
