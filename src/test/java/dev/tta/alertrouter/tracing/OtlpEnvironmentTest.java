package dev.tta.alertrouter.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpEnvironmentTest {
  @Test
  void noEndpointNoTracing() {
    assertTrue(new OtlpEnvironment(Map.of("OTEL_SERVICE_NAME", "x")).target().isEmpty());
  }

  @Test
  void theGeneralEndpointGetsTheTracesPath() {
    ExportTarget t = new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
        "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%3Db,x-tenant=tta",
        "OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
        "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip",
        "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
        "OTEL_TRACES_SAMPLER_ARG", "0.25")).target().orElseThrow();
    assertEquals(URI.create("http://collector:4318/v1/traces"), t.url());
    assertEquals("a=b", t.headers().get("api-key").reveal());
    assertEquals("tta", t.headers().get("x-tenant").reveal());
    assertEquals(Duration.ofMillis(2500), t.timeout());
    assertTrue(t.gzip());
    assertEquals(0.25, t.samplingFraction());
    assertFalse(t.describe().contains("a=b"));
  }

  @Test
  void theTracesEndpointIsTakenAsItIsAndWins() {
    ExportTarget t = new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4318",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://tempo.example/otlp/v1/traces")).target().orElseThrow();
    assertEquals(URI.create("https://tempo.example/otlp/v1/traces"), t.url());
    assertEquals(1.0, t.samplingFraction(), "the specification's default sampler records every new trace");
  }

  @Test
  void disabledSdkWins() {
    assertTrue(new OtlpEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_SDK_DISABLED", "true"))
        .target().isEmpty());
  }

  @Test
  void refusesWhatItCannotHonourNamingTheVariableButNotTheSecret() {
    IllegalArgumentException grpc = assertThrows(IllegalArgumentException.class, () -> new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")).target());
    assertTrue(grpc.getMessage().contains("OTEL_EXPORTER_OTLP_PROTOCOL"), grpc.getMessage());
    IllegalArgumentException headers = assertThrows(IllegalArgumentException.class, () -> new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_EXPORTER_OTLP_HEADERS", "hunter2")).target());
    assertTrue(headers.getMessage().contains("OTEL_EXPORTER_OTLP_HEADERS"), headers.getMessage());
    assertFalse(headers.getMessage().contains("hunter2"));
    assertThrows(IllegalArgumentException.class, () -> new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")).target());
    assertThrows(IllegalArgumentException.class, () -> new OtlpEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_TRACES_SAMPLER", "jaeger_remote")).target());
  }
}
