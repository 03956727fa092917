package dev.tta.alertrouter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterMetricsTest {

  static String text(RouterMetrics metrics) {
    return new String(metrics.expose(null).body(), StandardCharsets.UTF_8);
  }

  @Test
  void eachInstanceHasItsOwnRegistryWithJvmMetrics() {
    RouterMetrics first = new RouterMetrics("1");
    RouterMetrics second = new RouterMetrics("2");
    first.alertStale();

    assertNotSame(first.registry(), second.registry());
    assertNotSame(PrometheusRegistry.defaultRegistry, first.registry());
    assertTrue(text(first).contains("alertrouter_alerts_stale_total 1.0"));
    assertTrue(text(second).contains("alertrouter_alerts_stale_total 0.0"));
    assertTrue(text(second).contains("jvm_threads_current"));
    assertTrue(text(second).contains("alertrouter_build_info{version=\"2\"} 1"));
  }

  @Test
  void failedReloadClearsLastSuccessfulButKeepsTheTimestampOfTheLastSuccess() {
    RouterMetrics metrics = new RouterMetrics("1");
    Instant loaded = Instant.parse("2026-11-24T19:00:00Z");
    metrics.configLoaded(loaded);

    metrics.configReloaded(false, loaded.plusSeconds(60));

    String text = text(metrics);
    assertTrue(text.contains("alertrouter_config_last_reload_successful 0.0"));
    assertTrue(text.contains("alertrouter_config_last_reload_success_timestamp_seconds " + (double) loaded.getEpochSecond()), text);
    assertTrue(text.contains("alertrouter_config_reloads_total{result=\"failure\"} 1.0"));
    assertFalse(text.contains("alertrouter_config_reloads_total{result=\"success\"} 1.0"));
  }

  @Test
  void storedAlertsAreAskedAtEachScrapeAndTrackedOnce() {
    RouterMetrics metrics = new RouterMetrics("1");
    long[] firing = {3};
    metrics.trackStoredAlerts(() -> Map.of(Alert.Status.FIRING, firing[0], Alert.Status.RESOLVED, 1L));

    assertTrue(text(metrics).contains("alertrouter_alerts{state=\"firing\"} 3.0"));
    firing[0] = 5;
    assertTrue(text(metrics).contains("alertrouter_alerts{state=\"firing\"} 5.0"));
    assertThrows(IllegalStateException.class, () -> metrics.trackStoredAlerts(Map::of));
  }

  @Test
  void textFormatIsTheDefault() {
    assertEquals("text/plain; version=0.0.4; charset=utf-8", new RouterMetrics("1").expose(null).contentType());
  }
}
