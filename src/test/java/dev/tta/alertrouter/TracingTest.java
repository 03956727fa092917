package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.tta.alertrouter.http.ReloadOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.tracing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of a running server, exported over OTLP/HTTP to a receiver on loopback that decodes them
 * with the protocol's own classes: the span tree of one alert from its intake request to the
 * delivery attempt, the traceparent on the outgoing webhook, the ids in explain. Alerts started long
 * ago and group_wait is 0s, so the group flushes at once; the test waits on the peer, bounded.
 */
class TracingTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String LONG_AGO = Instant.now().minus(Duration.ofMinutes(10)).toString();

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private OtlpReceiver otlp;
  private HttpPeer peer;
  private App app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (peer != null) {
      peer.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  private void start(String tracingSection, Map<String, String> environment) throws Exception {
    start(tracingSection, otlp -> environment);
  }

  private void start(String tracingSection, Function<OtlpReceiver, Map<String, String>> environment)
      throws Exception {
    otlp = new OtlpReceiver();
    peer = HttpPeer.ok(Clock.systemUTC());
    Path config = Files.writeString(dir.resolve("router.yml"), """
        route:
          receiver: team-hooks
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1m
          repeat_interval: 1h
        receivers:
          - name: team-hooks
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.uri("/hook")) + tracingSection.replace("OTLP", otlp.endpoint()));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://alert-router.test"));
    app = App.start(options, Clock.systemUTC(), environment.apply(otlp));
  }

  private HttpResponse<String> push(String alertname, String traceparent) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v2/alerts"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "[{\"labels\": {\"alertname\": \"" + alertname + "\", \"service\": \"checkout\"}, \"startsAt\": \""
                + LONG_AGO + "\"}]"));
    if (traceparent != null) {
      b.header("traceparent", traceparent);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r;
  }

  /** The delivery has reached the peer and the flush that made it has ended and been exported. */
  private void awaitFlushSpan() {
    await("the webhook delivery", () -> !peer.requests().isEmpty());
    await("the flush span's export", () -> app.tracing().flush(10)
        && otlp.spans().stream().anyMatch(s -> s.getName().equals("flush")));
  }

  private static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(LIMIT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(what + " did not happen within " + LIMIT);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void oneAlertIsOneTraceFromIntakeToTheDeliveryAttempt() throws Exception {
    start("""
        tracing:
          endpoint: OTLP
          insecure: true
          sampling_fraction: 0
          headers: {X-Scope-OrgID: tta}
        """, Map.of());
    // sampling_fraction 0: only the caller's sampled flag gets this trace recorded.
    push("TTAServiceDown", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
    awaitFlushSpan();

    List<Span> spans = otlp.spans();
    assertTrue(otlp.refused().isEmpty(), otlp.refused().toString());
    spans.forEach(s -> assertEquals(TRACE_ID, hex(s.getTraceId()), "every span is in the caller's trace: " + s.getName()));
    Span intake = only(spans, "POST /api/v2/alerts");
    assertEquals(CALLER_SPAN, hex(intake.getParentSpanId()));
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, intake.getKind());
    assertEquals(200L, intAttr(intake, "http.response.status_code"));
    Span flush = only(spans, "flush");
    assertEquals(intake.getSpanId(), flush.getParentSpanId(), "the flush continues the intake request's trace");
    assertEquals("team-hooks", attr(flush, "alertrouter.receiver"));
    assertTrue(attr(flush, "alertrouter.group_key").contains("TTAServiceDown"), attr(flush, "alertrouter.group_key"));
    Span mute = only(spans, "mute");
    assertEquals(flush.getSpanId(), mute.getParentSpanId());
    Span integration = only(spans, "integration webhook[0]");
    assertEquals(flush.getSpanId(), integration.getParentSpanId());
    for (String stage : List.of("dedup", "enrich", "notify")) {
      assertEquals(integration.getSpanId(), only(spans, stage).getParentSpanId(), stage + " under its integration");
    }
    Span attempt = only(spans, "deliver webhook[0]");
    assertEquals(only(spans, "notify").getSpanId(), attempt.getParentSpanId());
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, attempt.getKind());
    assertEquals("sent", attr(attempt, "alertrouter.outcome"));
    assertEquals(200L, intAttr(attempt, "http.response.status_code"));
    assertEquals(1L, intAttr(attempt, "alertrouter.attempt"));

    // The webhook carries the attempt's own context, so the receiver's trace hangs under it.
    String traceparent = peer.requests().get(0).header("traceparent");
    assertEquals("00-" + TRACE_ID + "-" + hex(attempt.getSpanId()) + "-01", traceparent);

    // The exporter sent the configured headers, and the resource names the service.
    assertTrue(otlp.tenantHeaders().stream().allMatch("tta"::equals), otlp.tenantHeaders().toString());
    assertTrue(otlp.resources().get(0).getResource().getAttributesList().stream()
        .anyMatch(kv -> kv.getKey().equals("service.name") && kv.getValue().getStringValue().equals("alert-router")));

    // Explain names the trace and the attempt's span on the notification step.
    String fingerprint = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/v2/alerts")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).get(0).get("fingerprint").asText();
    JsonNode story = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/alerts/" + fingerprint + "/explain")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).get("data");
    JsonNode notification = null;
    for (JsonNode d : story.get("decisions")) {
      if (d.get("stage").asText().equals("notification")) {
        notification = d;
      }
    }
    assertNotNull(notification, story.toString());
    assertEquals(TRACE_ID, notification.get("details").get("trace_id").asText(), notification.toString());
    assertEquals(hex(attempt.getSpanId()), notification.get("details").get("span_id").asText());
  }

  @Test
  void theStandardVariablesTurnItOnAndANewTraceStartsAtIntake() throws Exception {
    // No section: the OTEL_EXPORTER_OTLP_* variables, whose default sampler records every new trace.
    start("", otlp -> Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + otlp.endpoint()));
    push("TTAHighLatency", null);
    awaitFlushSpan();
    Span intake = only(otlp.spans(), "POST /api/v2/alerts");
    assertTrue(intake.getParentSpanId().isEmpty(), "a new trace starts at intake");
    assertEquals(intake.getSpanId(), only(otlp.spans(), "flush").getParentSpanId());
    String traceparent = peer.requests().get(0).header("traceparent");
    String prefix = "00-" + hex(intake.getTraceId()) + "-" + hex(only(otlp.spans(), "deliver webhook[0]").getSpanId()) + "-";
    assertTrue(traceparent.startsWith(prefix), traceparent);
    // The SDK's own trace ids are random, which W3C level 2 flags as 0x02 beside sampled (0x01).
    assertEquals(1, Integer.parseInt(traceparent.substring(prefix.length()), 16) & 1, traceparent);
  }

  @Test
  void aReloadThatAddsTheSectionTurnsTracingOnAndABadOneKeepsTheRunningConfiguration() throws Exception {
    start("", Map.of());
    assertFalse(app.tracing().enabled());
    Path config = dir.resolve("router.yml");
    String running = Files.readString(config);
    Files.writeString(config, running + "tracing: {endpoint: " + otlp.endpoint() + ", insecure: true, client_type: grpc}\n");
    assertTrue(app.reload() instanceof ReloadOutcome.Failure, "grpc is refused at reload");
    assertFalse(app.tracing().enabled(), "the running configuration stays");

    Files.writeString(config, running + "tracing: {endpoint: " + otlp.endpoint() + ", insecure: true}\n");
    assertTrue(app.reload() instanceof ReloadOutcome.Success);
    assertTrue(app.tracing().enabled());
    push("TTAServiceDown", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
    awaitFlushSpan();
    assertEquals(TRACE_ID, hex(only(otlp.spans(), "flush").getTraceId()));
  }

  @Test
  void offByDefaultNothingIsExportedOrPropagated() throws Exception {
    start("", Map.of());
    push("TTAServiceDown", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
    await("the webhook delivery", () -> !peer.requests().isEmpty());
    assertTrue(app.tracing().flush(10));
    assertTrue(otlp.spans().isEmpty());
    assertNull(peer.requests().get(0).header("traceparent"), "no context is invented or passed on while off");
  }

  private static Span only(List<Span> spans, String name) {
    List<Span> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
    assertEquals(1, named.size(), "spans named " + name + " among " + spans.stream().map(Span::getName).toList());
    return named.get(0);
  }

  private static String attr(Span span, String key) {
    return span.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
        .map(KeyValue::getValue).map(v -> v.getStringValue()).orElse(null);
  }

  private static Long intAttr(Span span, String key) {
    return span.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
        .map(kv -> kv.getValue().getIntValue()).orElse(null);
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
