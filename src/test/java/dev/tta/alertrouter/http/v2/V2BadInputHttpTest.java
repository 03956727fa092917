package dev.tta.alertrouter.http.v2;

import static dev.tta.alertrouter.http.v2.OpenApiSchemas.assertFitsInline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the v2 API gets Alertmanager 0.25's status and wording (recorded from the real one),
 * stores nothing and leaves the server up. Where Alertmanager 0.25 answers 500 for a client mistake
 * (expiring an unknown or an expired silence) or accepts an unknown field, alert-router answers 404
 * or 400 instead, naming the problem the same way.
 */
class V2BadInputHttpTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final JsonNode STRING = V2Server.JSON.createObjectNode().put("type", "string");
  static final String START = "2026-12-03T12:00:00Z";
  static final String END = "2026-12-03T13:00:00Z";
  static final String MATCHERS = "[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}]";

  @TempDir Path dir;
  V2Server server;

  @BeforeEach
  void start() throws Exception {
    server = V2Server.start(dir, NOW);
  }

  @AfterEach
  void stillUpAndNothingStored() {
    try {
      assertEquals(200, server.get("/-/healthy").statusCode());
    } finally {
      server.close();
    }
  }

  static String body(String matchers, String start, String end, String extra) {
    return "{\"matchers\":" + matchers + ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
        + "\",\"createdBy\":\"me\",\"comment\":\"why\"" + extra + "}";
  }

  void assertString(HttpResponse<String> r, int status, String message) {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = V2Server.json(r);
    assertFitsInline(STRING, body);
    assertEquals(message, body.asText());
  }

  void assertCoded(HttpResponse<String> r, int status, int code, String message) {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = V2Server.json(r);
    assertEquals(code, body.path("code").asInt(), r.body());
    assertEquals(message, body.path("message").asText());
  }

  void assertNoSilences() {
    assertEquals("[]", server.get("/api/v2/silences").body());
  }

  HttpResponse<String> postSilence(String json) {
    return server.post("/api/v2/silences", json);
  }

  @Test
  void badAlertsPostedAreNamedInAlertmanagersForm() {
    HttpResponse<String> r = server.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"\"}},{\"labels\":{\"alertname\":\"ok\"}}]");
    assertString(r, 400, "alert 0: labels: labels are required: at least one label with a non-empty value");
    assertFitsInline(OpenApiSchemas.spec().path("responses").path("BadRequest").path("schema"), V2Server.json(r));
    // The good alert of the batch is stored, as Alertmanager stores it.
    assertEquals(1, V2Server.json(server.get("/api/v2/alerts")).size());
    assertEquals(400, server.post("/api/v2/alerts", "nope").statusCode());
  }

  @Test
  void malformedFilterMatchers() {
    String bad = URLEncoder.encode("foo", StandardCharsets.UTF_8);
    assertString(server.get("/api/v2/alerts?filter=" + bad), 400, "bad matcher format: foo");
    assertString(server.get("/api/v2/alerts/groups?filter=" + bad), 400, "bad matcher format: foo");
    assertString(server.get("/api/v2/silences?filter=" + bad), 400, "bad matcher format: foo");
    String quote = URLEncoder.encode("a=\"b", StandardCharsets.UTF_8);
    assertEquals(400, server.get("/api/v2/alerts?filter=" + quote).statusCode());
  }

  @Test
  void badReceiverRegex() {
    HttpResponse<String> r = server.get("/api/v2/alerts?receiver=" + URLEncoder.encode("(", StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    assertEquals(true, V2Server.json(r).asText().startsWith("failed to parse receiver param: error parsing regexp: "), r.body());
  }

  @Test
  void unknownFieldsInASilenceAreRefused() {
    assertString(postSilence(body(MATCHERS, START, END, ",\"bogus\":1")), 400, "unknown field \"bogus\" in silence");
    assertString(postSilence(body("[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false,\"op\":\"=\"}]", START, END, "")), 400,
        "unknown field \"op\" in silence");
    assertNoSilences();
  }

  @Test
  void endBeforeStartOrInThePast() {
    assertString(postSilence(body(MATCHERS, END, START, "")), 400,
        "Failed to create silence: start time must be before end time");
    assertString(postSilence(body(MATCHERS, START, START, "")), 400,
        "Failed to create silence: start time must be before end time");
    assertString(postSilence(body(MATCHERS, "2026-12-03T10:00:00Z", "2026-12-03T11:00:00Z", "")), 400,
        "Failed to create silence: end time can't be in the past");
    assertNoSilences();
  }

  @Test
  void noMatchersOrMatchersThatMatchEverything() {
    assertCoded(postSilence(body("[]", START, END, "")), 422, 612, "matchers in body should have at least 1 items");
    assertCoded(postSilence("{\"startsAt\":\"" + START + "\",\"endsAt\":\"" + END + "\",\"createdBy\":\"me\",\"comment\":\"c\"}"),
        422, 602, "matchers in body is required");
    assertCoded(postSilence(body("[{\"name\":\"a\",\"value\":\"b\"}]", START, END, "")), 422, 602,
        "matchers.0.isRegex in body is required");
    assertString(postSilence(body("[{\"name\":\"a\",\"value\":\"\",\"isRegex\":false}]", START, END, "")), 400,
        "silence invalid: at least one matcher must not match the empty string");
    assertString(postSilence(body("[{\"name\":\"a b\",\"value\":\"x\",\"isRegex\":false}]", START, END, "")), 400,
        "silence invalid: invalid label matcher 0: invalid label name \"a b\"");
    assertEquals(400, postSilence(body("[{\"name\":\"a\",\"value\":\"(\",\"isRegex\":true}]", START, END, "")).statusCode());
    assertNoSilences();
  }

  @Test
  void missingFieldsWrongTypesAndNotJson() {
    assertCoded(postSilence("{}"), 422, 602, "comment in body is required");
    assertCoded(postSilence(body(MATCHERS, START, END, "").replace(",\"createdBy\":\"me\"", "")), 422, 602,
        "createdBy in body is required");
    assertCoded(postSilence(body(MATCHERS, START, END, "").replace("\"createdBy\":\"me\"", "\"createdBy\":5")), 400, 400,
        "parsing silence body from \"\" failed, because json: cannot unmarshal number into Go struct field Silence.createdBy of type string");
    assertEquals(400, postSilence("not json").statusCode());
    assertEquals(400, postSilence("[]").statusCode());
    assertEquals(400, postSilence(body(MATCHERS, "yesterday", END, "")).statusCode());
    assertNoSilences();
  }

  @Test
  void silenceIdsThatAreNotUuids() {
    assertCoded(server.get("/api/v2/silence/abc"), 422, 601, "silenceID in path must be of type uuid: \"abc\"");
    assertCoded(server.delete("/api/v2/silence/abc"), 422, 601, "silenceID in path must be of type uuid: \"abc\"");
  }

  @Test
  void unknownIds() {
    String unknown = "2f6a9a9d-bd9c-4c4c-9d3b-6d6f5a5e3a11";
    HttpResponse<String> get = server.get("/api/v2/silence/" + unknown);
    assertEquals(404, get.statusCode());
    assertEquals("", get.body());
    assertString(server.delete("/api/v2/silence/" + unknown), 404, "silence not found");
    assertString(postSilence(body(MATCHERS, START, END, ",\"id\":\"" + unknown + "\"")), 404, "silence not found");
    assertNoSilences();
  }

  @Test
  void expiringAnExpiredSilence() {
    HttpResponse<String> created = postSilence(body(MATCHERS, START, END, ""));
    String id = V2Server.json(created).path("silenceID").asText();
    assertEquals(200, server.delete("/api/v2/silence/" + id).statusCode());
    JsonNode before = V2Server.json(server.get("/api/v2/silence/" + id));
    server.clock.advance(Duration.ofMinutes(1));
    assertString(server.delete("/api/v2/silence/" + id), 400, "silence " + id + " already expired");
    assertEquals(before, V2Server.json(server.get("/api/v2/silence/" + id)));
  }
}
