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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracingSettingsTest {
  private static final String BASE = "route: {receiver: r}\nreceivers: [{name: r}]\n";

  @TempDir Path dir;

  @Test
  void offWithoutTheSection() {
    TracingSettings tracing = loaded(load(write(dir, "a.yml", BASE))).tracing();
    assertFalse(tracing.enabled());
  }

  @Test
  void readsPrometheusTracingSection() {
    Path file = write(dir, "a.yml", BASE + """
        tracing:
          client_type: http
          endpoint: otel-collector.monitoring:4318
          sampling_fraction: 0.1
          insecure: true
          headers: {X-Scope-OrgID: tta, Authorization: Bearer s3cret-token}
          compression: gzip
          timeout: 5s
        """);
    TracingSettings tracing = loaded(load(file)).tracing();
    assertEquals(Optional.of("otel-collector.monitoring:4318"), tracing.endpoint());
    assertEquals(0.1, tracing.samplingFraction());
    assertTrue(tracing.insecure());
    assertTrue(tracing.gzip());
    assertEquals(Duration.ofSeconds(5), tracing.timeout());
    assertEquals("Bearer s3cret-token", tracing.headers().get("Authorization").reveal());
  }

  @Test
  void headersAreMaskedWhereverTheConfigIsShown() {
    Path file = write(dir, "a.yml", BASE + """
        tracing:
          endpoint: otel:4318
          headers: {Authorization: Bearer s3cret-token}
        """);
    String masked = MaskedConfig.of(loaded(load(file)).sources());
    assertFalse(masked.contains("s3cret-token"), masked);
    assertTrue(masked.contains("Authorization: <secret>"), masked);
  }

  @Test
  void aReloadSaysTheTracingSectionChangedWithoutShowingAHeader() {
    RouterConfig before = loaded(load(write(dir, "a.yml", BASE + """
        tracing: {endpoint: otel:4318, headers: {Authorization: Bearer old-token}}
        """)));
    RouterConfig after = loaded(load(write(dir, "b.yml", BASE + """
        tracing: {endpoint: otel:4318, sampling_fraction: 0.5, headers: {Authorization: Bearer new-token}}
        """)));
    List<ConfigChange> changes = ConfigChanges.between(before, after);
    assertTrue(changes.stream().anyMatch(c -> c.toString().contains("tracing")), changes.toString());
    assertFalse(changes.toString().contains("token"), changes.toString());
  }

  @Test
  void refusesWhatItCannotHonourNamingTheKey() {
    Path file = write(dir, "a.yml", BASE + """
        tracing:
          client_type: grpc
          endpoint: http://otel:4318/v1/traces
          sampling_fraction: 2
          compression: zstd
          tls_config: {insecure_skip_verify: true}
          exporter: jaeger
        """);
    LoadResult result = load(file);
    assertFalse(result.ok());
    List<String> errors = result.errors().stream().map(ConfigError::toString).toList();
    for (String key : List.of("tracing.client_type", "tracing.endpoint", "tracing.sampling_fraction",
        "tracing.compression", "insecure_skip_verify", "exporter")) {
      assertTrue(errors.stream().anyMatch(e -> e.contains(key)), key + " not named in " + errors);
    }
    assertTrue(errors.stream().anyMatch(e -> e.contains("use client_type: http")), errors.toString());
    assertTrue(errors.stream().allMatch(e -> e.contains("a.yml:")), errors.toString());
  }
}
