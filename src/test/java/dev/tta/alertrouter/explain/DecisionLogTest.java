package dev.tta.alertrouter.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.DeliveryEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DecisionLogTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Alert alert = new Alert(Labels.of("alertname", "TTAServiceDown", "service", "api"), Map.of(), T0, null, "", T0);
  private final DeliveryEvent failed = new DeliveryEvent("critical-alerts", "pagerduty", 0,
      "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\"}", DeliveryEvent.Result.FAILED, 3,
      Duration.ofMillis(120), "PagerDuty answered 400: invalid routing key");

  @Test
  void aNotificationIsOneJsonLineWithEverythingLokiNeeds() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecisionLog log = new DecisionLog(LoggerFactory.getLogger(DecisionLog.class), LogFormat.JSON, new PrintStream(out, true));

    log.notification(failed, List.of(alert), T0.plusSeconds(30));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, text.lines().count());
    JsonNode line = JSON.readTree(text);
    assertEquals("2026-11-25T10:00:30Z", line.get("ts").asText());
    assertEquals("info", line.get("level").asText());
    assertEquals("notification failed", line.get("msg").asText());
    assertEquals("critical-alerts", line.get("receiver").asText());
    assertEquals("pagerduty", line.get("integration").asText());
    assertEquals("failed", line.get("outcome").asText());
    assertEquals(3, line.get("attempt").asInt());
    assertEquals(120, line.get("latency_ms").asInt());
    assertEquals(failed.groupKey(), line.get("group_key").asText());
    assertEquals(alert.fingerprint().toString(), line.get("fingerprints").get(0).asText());
  }

  @Test
  void insideARecordedSpanTheLineNamesItsTraceSoLokiLinksToTheTrace() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecisionLog log = new DecisionLog(LoggerFactory.getLogger(DecisionLog.class), LogFormat.JSON, new PrintStream(out, true));
    log.notification(failed, List.of(alert), T0);
    assertFalse(JSON.readTree(out.toString(StandardCharsets.UTF_8)).has("trace_id"), "no span, no ids");
    out.reset();

    InMemorySpanExporter exported = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
      Span span = provider.get("test").spanBuilder("deliver pagerduty[0]").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        log.notification(failed, List.of(alert), T0);
      } finally {
        span.end();
      }
      JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8));
      assertEquals(span.getSpanContext().getTraceId(), line.get("trace_id").asText());
      assertEquals(span.getSpanContext().getSpanId(), line.get("span_id").asText());
      assertEquals(line.get("trace_id").asText(), exported.getFinishedSpanItems().get(0).getTraceId());
    }
  }

  @Test
  void aRetriedAttemptIsADebugLine() {
    DeliveryEvent retried = new DeliveryEvent("r", "webhook", 0, "{}:{}", DeliveryEvent.Result.RETRIED, 1, Duration.ZERO, "503");

    assertEquals(LogLine.Level.DEBUG, DecisionLog.notificationLine(retried, List.of(alert), T0).level());
    assertEquals(LogLine.Level.INFO, DecisionLog.notificationLine(failed, List.of(alert), T0).level());
  }

  @Test
  void aDecisionLineNamesTheAlertTheStageAndItsFacts() throws Exception {
    Decision silenced = Decision.of(T0, DecisionStage.SILENCED, "g", "silenced by abc; not sent to default",
        Map.of("group_key", "{}:{alertname=\"TTAServiceDown\"}", "receiver", "default", "silences", "abc"));

    JsonNode line = JSON.readTree(DecisionLog.decisionLine(alert, silenced).json());

    assertEquals("debug", line.get("level").asText());
    assertEquals("silenced", line.get("stage").asText());
    assertEquals(alert.fingerprint().toString(), line.get("fingerprint").asText());
    assertEquals("TTAServiceDown", line.get("alertname").asText());
    assertEquals("default", line.get("receiver").asText());
    assertEquals("abc", line.get("silences").asText());
  }

  @Test
  void logfmtQuotesValuesThatNeedItAndKeepsOneLine() {
    LogLine line = DecisionLog.notificationLine(failed, List.of(alert), T0);

    String text = line.logfmt();

    assertTrue(text.startsWith("msg=\"notification failed\" receiver=critical-alerts integration=pagerduty index=0"), text);
    assertTrue(text.contains("group_key=\"{}/{severity=\\\"critical\\\"}:{alertname=\\\"TTAServiceDown\\\"}\""), text);
    assertTrue(text.contains("fingerprints=" + alert.fingerprint()), text);
    assertFalse(new LogLine(T0, LogLine.Level.INFO, "a\nb", Map.of()).logfmt().contains("\n"));
  }
}
