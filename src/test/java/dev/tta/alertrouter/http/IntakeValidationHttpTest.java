package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.config.ServerSettings;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input: the status, the error text, and that nothing bad was stored. */
class IntakeValidationHttpTest {
  static final String WEBHOOK = "/api/v1/alertmanager";
  static final String PUSH = "/api/v2/alerts";

  final TestServer server = TestServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  static String webhook(String alerts) {
    return "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[" + alerts + "]}";
  }

  static String firing(String labels) {
    return "{\"status\":\"firing\",\"labels\":" + labels
        + ",\"startsAt\":\"2026-11-24T19:08:19Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}";
  }

  /** The whole answer, so that a test asserts every field the client sees. */
  void assertAnswer(HttpResponse<String> r, int status, String body) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(body, r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  double invalid(String reason) {
    return server.metric("alertrouter_alerts_invalid_total{reason=\"" + reason + "\"}");
  }

  @Test
  void malformedJsonIsRefusedWithItsPosition() {
    HttpResponse<String> r = server.postJson(WEBHOOK, "{\"version\":\"4\",\"alerts\":[");

    assertEquals(400, r.statusCode());
    JsonNode error = TestServer.json(r).get("errors").get(0);
    assertTrue(error.get("message").asText().startsWith("malformed JSON at line 1, column 26: "),
        error.toString());
    assertFalse(error.has("index"));
    assertEquals(0, TestServer.json(r).get("accepted").asInt());
    assertEquals(1.0, invalid("malformed_json"));
    assertEquals(0, server.store.size());
  }

  @Test
  void emptyBodyIsMalformed() {
    assertAnswer(server.postJson(PUSH, ""), 400, "\"empty body; expected JSON\"");
    assertAnswer(server.postJson(WEBHOOK, ""), 400,
        "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"message\":\"empty body; expected JSON\"}]}");
  }

  @Test
  void wrongContentTypeIs415() {
    HttpResponse<String> r = server.post(PUSH, "text/plain", "[]".getBytes(StandardCharsets.UTF_8));

    assertAnswer(r, 415, "\"Content-Type: unsupported Content-Type \\\"text/plain\\\"; expected application/json\"");
    assertEquals(1.0, invalid("wrong_content_type"));
  }

  @Test
  void missingContentTypeIs415() {
    HttpResponse<String> r = server.post(WEBHOOK, null, "{}".getBytes(StandardCharsets.UTF_8));

    assertAnswer(r, 415, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"field\":\"Content-Type\","
        + "\"message\":\"Content-Type is missing; expected application/json\"}]}");
  }

  @Test
  void jsonWithCharsetParameterIsAccepted() {
    HttpResponse<String> r = server.post(PUSH, "application/json; charset=utf-8",
        "[{\"labels\":{\"alertname\":\"A\"}}]".getBytes(StandardCharsets.UTF_8));

    assertAnswer(r, 200, "{\"status\":\"success\",\"accepted\":1}");
  }

  @Test
  void nonUtf8CharsetIs415() {
    HttpResponse<String> r = server.post(PUSH, "application/json; charset=ISO-8859-1",
        "[]".getBytes(StandardCharsets.UTF_8));

    assertAnswer(r, 415, "\"Content-Type: unsupported charset \\\"iso-8859-1\\\"; JSON must be UTF-8\"");
  }

  @Test
  void missingLabelsAreNamedByIndex() {
    HttpResponse<String> r = server.postJson(PUSH, "[{\"annotations\":{\"summary\":\"x\"}}]");

    assertAnswer(r, 400, "\"alert 0: labels: labels are required: at least one label\"");
    assertEquals(1.0, invalid("missing_labels"));
  }

  @Test
  void emptyLabelsAreRefused() {
    HttpResponse<String> r = server.postJson(WEBHOOK, webhook(firing("{}")));

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"index\":0,\"field\":\"labels\","
        + "\"message\":\"labels are required: at least one label with a non-empty value\"}]}");
  }

  @Test
  void labelsWithOnlyEmptyValuesAreRefused() {
    HttpResponse<String> r = server.postJson(PUSH, "[{\"labels\":{\"alertname\":\"\"}}]");

    assertAnswer(r, 400, "\"alert 0: labels: labels are required: at least one label with a non-empty value\"");
  }

  @Test
  void labelNamePrometheusWouldRejectIsNamed() {
    HttpResponse<String> r = server.postJson(WEBHOOK,
        webhook(firing("{\"alertname\":\"A\",\"foo-bar\":\"x\"}")));

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"index\":0,\"field\":\"labels.foo-bar\","
        + "\"message\":\"invalid label name \\\"foo-bar\\\": must match [a-zA-Z_][a-zA-Z0-9_]*\"}]}");
    assertEquals(1.0, invalid("invalid_label_name"));
  }

  @Test
  void labelNameStartingWithADigitIsRefused() {
    HttpResponse<String> r = server.postJson(PUSH, "[{\"labels\":{\"alertname\":\"A\",\"1x\":\"y\"}}]");

    assertEquals(400, r.statusCode());
    assertTrue(TestServer.json(r).asText().startsWith("alert 0: labels.1x: "), r.body());
  }

  @Test
  void nonStringLabelValueIsRefused() {
    HttpResponse<String> r = server.postJson(PUSH, "[{\"labels\":{\"alertname\":\"A\",\"code\":500}}]");

    assertAnswer(r, 400, "\"alert 0: labels.code: label value must be a string\"");
  }

  @Test
  void unparseableTimestampIsNamed() {
    HttpResponse<String> r = server.postJson(PUSH,
        "[{\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-24 19:08\"}]");

    assertAnswer(r, 400, "\"alert 0: startsAt: startsAt is not an RFC 3339 timestamp: \\\"2026-11-24 19:08\\\"\"");
    assertEquals(1.0, invalid("bad_timestamp"));
  }

  @Test
  void endBeforeStartIsRefused() {
    HttpResponse<String> r = server.postJson(PUSH, "[{\"labels\":{\"alertname\":\"A\"},"
        + "\"startsAt\":\"2026-11-24T19:08:00Z\",\"endsAt\":\"2026-11-24T19:07:00Z\"}]");

    assertAnswer(r, 400, "\"alert 0: endsAt: endsAt 2026-11-24T19:07:00Z is before startsAt 2026-11-24T19:08:00Z\"");
  }

  @Test
  void webhookAlertWithoutStartIsRefused() {
    HttpResponse<String> r = server.postJson(WEBHOOK,
        webhook("{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"0001-01-01T00:00:00Z\"}"));

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"index\":0,\"field\":\"startsAt\","
        + "\"message\":\"startsAt is required\"}]}");
  }

  @Test
  void resolvedStatusWithoutAnEndIsInconsistent() {
    HttpResponse<String> r = server.postJson(WEBHOOK, webhook("{\"status\":\"resolved\","
        + "\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-24T19:08:19Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}"));

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"index\":0,\"field\":\"status\","
        + "\"message\":\"status is \\\"resolved\\\" but endsAt is unset\"}]}");
    assertEquals(1.0, invalid("bad_status"));
  }

  @Test
  void unknownAlertStatusIsRefused() {
    HttpResponse<String> r = server.postJson(WEBHOOK, webhook("{\"status\":\"pending\","
        + "\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-24T19:08:19Z\"}"));

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"index\":0,\"field\":\"status\","
        + "\"message\":\"status must be \\\"firing\\\" or \\\"resolved\\\", got \\\"pending\\\"\"}]}");
  }

  @Test
  void unknownWebhookVersionIsRefusedWhole() {
    HttpResponse<String> r = server.postJson(WEBHOOK,
        "{\"version\":\"3\",\"alerts\":[" + firing("{\"alertname\":\"A\"}") + "]}");

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"field\":\"version\","
        + "\"message\":\"unsupported webhook version \\\"3\\\"; expected \\\"4\\\"\"}]}");
    assertEquals(1.0, invalid("unsupported_version"));
    assertEquals(0, server.store.size());
  }

  @Test
  void missingWebhookVersionIsRefusedWhole() {
    HttpResponse<String> r = server.postJson(WEBHOOK, "{\"alerts\":[]}");

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"field\":\"version\","
        + "\"message\":\"version is required; expected \\\"4\\\"\"}]}");
  }

  @Test
  void webhookWithoutAlertsArrayIsRefused() {
    HttpResponse<String> r = server.postJson(WEBHOOK, "{\"version\":\"4\"}");

    assertAnswer(r, 400, "{\"status\":\"error\",\"accepted\":0,\"errors\":[{\"field\":\"alerts\","
        + "\"message\":\"alerts is required: a JSON array\"}]}");
    assertEquals(1.0, invalid("invalid_payload"));
  }

  @Test
  void pushThatIsNotAnArrayIsRefused() {
    HttpResponse<String> r = server.postJson(PUSH, "{\"labels\":{\"alertname\":\"A\"}}");

    assertAnswer(r, 400, "\"body must be a JSON array of alerts\"");
  }

  @Test
  void alertThatIsNotAnObjectIsNamedByIndex() {
    HttpResponse<String> r = server.postJson(PUSH, "[\"TTAServiceDown\"]");

    assertAnswer(r, 400, "\"alert 0: alert must be a JSON object\"");
  }

  @Test
  void goodAlertsOfABatchAreStoredAndBadOnesNamed() {
    HttpResponse<String> r = server.postJson(PUSH, "["
        + "{\"labels\":{\"alertname\":\"Good1\"}},"
        + "{\"labels\":{\"alertname\":\"Bad\",\"foo-bar\":\"x\"},\"startsAt\":\"never\"},"
        + "{\"labels\":{\"alertname\":\"Good2\"}},"
        + "{\"labels\":{}}]");

    // Alertmanager's form: one JSON string, every problem named, joined with "; ".
    assertAnswer(r, 400, "\"alert 1: labels.foo-bar: invalid label name \\\"foo-bar\\\": must match [a-zA-Z_][a-zA-Z0-9_]*; "
        + "alert 1: startsAt: startsAt is not an RFC 3339 timestamp: \\\"never\\\"; "
        + "alert 3: labels: labels are required: at least one label with a non-empty value\"");
    JsonNode listed = server.listAlerts("");
    assertEquals(2, listed.size());
    assertEquals(2, server.handedOn.get(0).size());
    // One count per refused alert, by the reason of its first problem.
    assertEquals(1.0, invalid("invalid_label_name"));
    assertEquals(0.0, invalid("bad_timestamp"));
    assertEquals(1.0, invalid("missing_labels"));
    assertEquals(2.0, server.metric("alertrouter_alerts_received_total{source=\"prometheus\",status=\"firing\"}"));
  }

  @Test
  void bodyOverTheDefaultTenMebibytesIs413() throws Exception {
    // Refused by its Content-Length, before a byte of the body is read.
    String answer = server.postDeclaringOnly(PUSH, "application/json", ServerSettings.DEFAULT_MAX_REQUEST_BYTES + 1);

    assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
    assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), answer);
    assertTrue(answer.endsWith("\r\n\r\n\"request body exceeds the limit of 10485760 bytes\""), answer);
    assertEquals(1.0, invalid("too_large"));
  }

  @Test
  void bodyAtTheLimitIsRead() {
    String json = "[{\"labels\":{\"alertname\":\"A\"}}]";
    server.settings.set(settingsWithLimit(json.length()));

    assertEquals(200, server.postJson(PUSH, json).statusCode());
  }

  @Test
  void limitRaisedByAReloadAppliesBeyondTheLimitAtStart() {
    try (TestServer small = TestServer.start(settingsWithLimit(64))) {
      String json = "[" + "{\"labels\":{\"alertname\":\"A\"}},".repeat(20) + "{\"labels\":{\"alertname\":\"B\"}}]";
      assertEquals(413, small.postJson(PUSH, json).statusCode());

      small.settings.set(settingsWithLimit(1024 * 1024));

      assertAnswer(small.postJson(PUSH, json), 200, "{\"status\":\"success\",\"accepted\":21}");
    }
  }

  @Test
  void chunkedBodyOverAConfiguredLimitIs413() {
    server.settings.set(settingsWithLimit(1024));
    byte[] body = ("[" + "{\"labels\":{\"alertname\":\"A\"}},".repeat(100) + "{\"labels\":{\"alertname\":\"A\"}}]")
        .getBytes(StandardCharsets.UTF_8);
    // No Content-Length: the limit must hold while streaming too.
    HttpRequest request = HttpRequest.newBuilder(server.uri(PUSH))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build();

    HttpResponse<String> r = server.send(request);

    assertAnswer(r, 413, "\"request body exceeds the limit of 1024 bytes\"");
    assertEquals(0, server.store.size());
  }

  @Test
  void closedStoreAnswers503SoTheSenderRetries() {
    server.store.close();

    HttpResponse<String> r = server.postFile(WEBHOOK, TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"));

    assertAnswer(r, 503, "{\"status\":\"error\",\"error\":\"alert store unavailable; retry later\"}");
    assertTrue(server.handedOn.isEmpty());
  }

  @Test
  void failureDownstreamIs500WithoutAStackTrace() {
    server.pipeline.set(alerts -> {
      throw new IllegalStateException("routing exploded at dev.tta.alertrouter.Secret");
    });

    HttpResponse<String> r = server.postFile(WEBHOOK, TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"));

    assertAnswer(r, 500, "{\"status\":\"error\",\"error\":\"internal error; see the server log\"}");
  }

  @Test
  void unknownPathIsAJson404() {
    HttpResponse<String> r = server.get("/api/v1/nothing-here");

    assertAnswer(r, 404, "{\"status\":\"error\",\"error\":\"not found\"}");
  }

  static ServerSettings settingsWithLimit(long bytes) {
    return new ServerSettings(bytes, ServerSettings.DEFAULT_RESOLVED_RETENTION, Optional.empty(), Optional.empty());
  }
}
