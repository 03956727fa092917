package dev.tta.alertrouter.http.v2;

import static dev.tta.alertrouter.http.v2.OpenApiSchemas.assertFits;
import static dev.tta.alertrouter.http.v2.OpenApiSchemas.assertFitsInline;
import static dev.tta.alertrouter.http.v2.OpenApiSchemas.responseSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v2 API on a real server: shapes checked against Alertmanager's OpenAPI definitions, filters, silences. */
class V2ApiHttpTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final String ALERTS = """
      [{"labels":{"alertname":"A","severity":"critical","service":"s","team":"a"}},
       {"labels":{"alertname":"B","severity":"warning","service":"s"},"annotations":{"x":"y"},"generatorURL":"http://g"},
       {"labels":{"alertname":"C","a":"b"}}]""";

  @TempDir Path dir;
  V2Server server;

  @BeforeEach
  void start() throws Exception {
    server = V2Server.start(dir, NOW);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String silence(String matchersJson, Instant start, Instant end) {
    return "{\"matchers\":" + matchersJson + ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
        + "\",\"createdBy\":\"me\",\"comment\":\"why\"}";
  }

  String createSilence(String matchersJson) {
    HttpResponse<String> r = server.post("/api/v2/silences", silence(matchersJson, NOW, NOW.plus(Duration.ofHours(1))));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = V2Server.json(r);
    assertFitsInline(responseSchema("/silences", "post", "200"), body);
    return body.get("silenceID").asText();
  }

  JsonNode alerts(String query) {
    HttpResponse<String> r = server.get("/api/v2/alerts" + query);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = V2Server.json(r);
    assertFits("gettableAlerts", body);
    return body;
  }

  static List<String> names(JsonNode alerts) {
    List<String> names = new ArrayList<>();
    alerts.forEach(a -> names.add(a.path("labels").path("alertname").asText()));
    return names;
  }

  @Test
  void theSchemaCheckRefusesWhatAlertmanagerWouldNotServe() throws Exception {
    JsonNode wrong = V2Server.JSON.readTree("[{\"id\":\"x\",\"status\":{\"state\":\"sleeping\"},\"updatedAt\":\"2026-12-03T12:00:00.000Z\","
        + "\"comment\":\"c\",\"createdBy\":\"me\",\"endsAt\":\"2026-12-03T12:00:00.000Z\",\"matchers\":[],\"startsAt\":\"2026-12-03T12:00:00.000Z\"}]");
    AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> assertFits("gettableSilences", wrong));
    assertTrue(refused.getMessage().contains("sleeping"), refused.getMessage());
  }

  @Test
  void statusShowsTheMaskedConfigThisReplicaAndTheBuild() {
    HttpResponse<String> r = server.get("/api/v2/status");
    assertEquals(200, r.statusCode());
    JsonNode status = V2Server.json(r);
    assertFits("alertmanagerStatus", status);
    String original = status.path("config").path("original").asText();
    assertTrue(original.contains("slack_api_url: <secret>"), original);
    assertFalse(original.contains("TOPSECRET"), original);
    assertTrue(original.contains("receiver: team-a"), original);
    assertEquals("ready", status.path("cluster").path("status").asText());
    assertEquals("local", status.path("cluster").path("peers").get(0).path("name").asText());
    assertEquals("127.0.0.1:" + server.app.port(), status.path("cluster").path("peers").get(0).path("address").asText());
    assertTrue(status.path("versionInfo").path("goVersion").asText().contains("Java"));
    assertEquals("2026-12-03T12:00:00.000Z", status.path("uptime").asText());
  }

  @Test
  void receiversAreTheConfiguredOnes() {
    HttpResponse<String> r = server.get("/api/v2/receivers");
    assertEquals(200, r.statusCode());
    JsonNode body = V2Server.json(r);
    body.forEach(receiver -> assertFits("receiver", receiver));
    assertEquals("[{\"name\":\"default\"},{\"name\":\"team-a\"}]", body.toString());
  }

  @Test
  void alertsCarryStateSilencesInhibitionAndReceiversAndFilterAsAlertmanager() {
    assertEquals(200, server.post("/api/v2/alerts", ALERTS).statusCode());
    String silenceId = createSilence("[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}]");

    JsonNode all = alerts("");
    assertEquals(List.of("C", "B", "A"), names(all)); // by fingerprint, as Alertmanager sorts
    JsonNode c = all.get(0);
    JsonNode b = all.get(1);
    JsonNode a = all.get(2);
    assertEquals("suppressed", c.path("status").path("state").asText());
    assertEquals("[\"" + silenceId + "\"]", c.path("status").path("silencedBy").toString());
    assertEquals("[]", c.path("status").path("inhibitedBy").toString());
    assertEquals("suppressed", b.path("status").path("state").asText());
    assertEquals("[\"" + a.path("fingerprint").asText() + "\"]", b.path("status").path("inhibitedBy").toString());
    assertEquals("http://g", b.path("generatorURL").asText());
    assertFalse(a.has("generatorURL"));
    assertEquals("active", a.path("status").path("state").asText());
    assertEquals("[{\"name\":\"team-a\"}]", a.path("receivers").toString());
    assertEquals("2026-12-03T12:05:00.000Z", a.path("endsAt").asText());

    assertEquals(List.of("A"), names(alerts("?filter=" + q("alertname=\"A\""))));
    assertEquals(List.of("B", "A"), names(alerts("?filter=" + q("service=~\"s|t\""))));
    assertEquals(List.of("C", "B"), names(alerts("?filter=" + q("alertname!=\"A\"") + "&filter=" + q("alertname=~\".+\""))));
    assertEquals(List.of("B", "A"), names(alerts("?silenced=false")));
    assertEquals(List.of("C", "A"), names(alerts("?inhibited=false")));
    assertEquals(List.of("C", "B"), names(alerts("?active=false")));
    assertEquals(List.of("A"), names(alerts("?receiver=team-.*")));
    assertEquals(List.of("C", "B"), names(alerts("?receiver=" + q("def.+"))));

    // Resolved alerts leave the v2 list (the v1 list keeps them).
    server.clock.advance(Duration.ofMinutes(6));
    assertEquals(List.of(), names(alerts("")));
  }

  @Test
  void v1AndV2ListTheSameAlertsAndGroups() {
    assertEquals(200, server.post("/api/v2/alerts", ALERTS).statusCode());
    List<String> v1 = new ArrayList<>();
    V2Server.json(server.get("/api/v1/alerts?filter=" + q("service=\"s\""))).path("data")
        .forEach(a -> v1.add(a.path("fingerprint").asText()));
    List<String> v2 = new ArrayList<>();
    alerts("?filter=" + q("service=\"s\"")).forEach(a -> v2.add(a.path("fingerprint").asText()));
    assertEquals(2, v2.size());
    assertEquals(v1, v2);
    List<String> v1Groups = new ArrayList<>();
    V2Server.json(server.get("/api/v1/groups")).forEach(g -> v1Groups.add(g.path("receiver").asText() + g.path("groupLabels")));
    List<String> v2Groups = new ArrayList<>();
    V2Server.json(server.get("/api/v2/alerts/groups")).forEach(g -> v2Groups.add(g.path("receiver").path("name").asText() + g.path("labels")));
    assertEquals(v1Groups.stream().sorted().toList(), v2Groups.stream().sorted().toList());
    // A resolved alert stays in the v1 list and leaves the v2 one, as in Alertmanager.
    server.clock.advance(Duration.ofMinutes(6));
    assertEquals(3, V2Server.json(server.get("/api/v1/alerts")).path("data").size());
    assertEquals(0, alerts("").size());
  }

  @Test
  void groupsHoldTheFilteredAlertsByReceiverAndLabels() {
    assertEquals(200, server.post("/api/v2/alerts", ALERTS).statusCode());
    createSilence("[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}]");
    HttpResponse<String> r = server.get("/api/v2/alerts/groups");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode groups = V2Server.json(r);
    assertFits("alertGroups", groups);
    List<String> seen = new ArrayList<>();
    groups.forEach(g -> seen.add(g.path("receiver").path("name").asText() + g.path("labels") + names(g.path("alerts"))));
    // By labels, then receiver, as Alertmanager's AlertGroups sort.
    assertEquals(List.of("team-a{\"alertname\":\"A\"}[A]", "default{\"alertname\":\"B\"}[B]", "default{\"alertname\":\"C\"}[C]"), seen);

    JsonNode unsilenced = V2Server.json(server.get("/api/v2/alerts/groups?silenced=false&receiver=default"));
    assertFits("alertGroups", unsilenced);
    assertEquals(1, unsilenced.size());
    assertEquals("[\"B\"]", names(unsilenced.get(0).path("alerts")).stream().map(n -> "\"" + n + "\"").toList().toString().replace(" ", ""));
  }

  @Test
  void silencesAreCreatedReadListedUpdatedAndExpired() {
    String id = createSilence("[{\"name\":\"team\",\"value\":\"a\",\"isRegex\":false},{\"name\":\"x\",\"value\":\"y|z\",\"isRegex\":true,\"isEqual\":false}]");
    HttpResponse<String> one = server.get("/api/v2/silence/" + id);
    assertEquals(200, one.statusCode());
    JsonNode silence = V2Server.json(one);
    assertFits("gettableSilence", silence);
    assertEquals("active", silence.path("status").path("state").asText());
    assertEquals("me", silence.path("createdBy").asText());
    assertEquals("{\"isEqual\":false,\"isRegex\":true,\"name\":\"x\",\"value\":\"y|z\"}", silence.path("matchers").get(1).toString());

    String other = createSilence("[{\"name\":\"team\",\"value\":\"b\",\"isRegex\":false}]");
    JsonNode listed = V2Server.json(server.get("/api/v2/silences?filter=" + q("team=\"a\"")));
    assertFits("gettableSilences", listed);
    assertEquals(1, listed.size());
    assertEquals(id, listed.get(0).path("id").asText());
    assertEquals(2, V2Server.json(server.get("/api/v2/silences")).size());

    // An update that keeps the matchers and the start keeps the id; one that changes matchers gets a new one.
    String updated = silence("[{\"name\":\"team\",\"value\":\"b\",\"isRegex\":false}]", NOW, NOW.plus(Duration.ofHours(2)))
        .replace("{\"matchers\"", "{\"id\":\"" + other + "\",\"matchers\"");
    HttpResponse<String> r = server.post("/api/v2/silences", updated);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(other, V2Server.json(r).path("silenceID").asText());
    String moved = updated.replace("\"value\":\"b\"", "\"value\":\"c\"");
    r = server.post("/api/v2/silences", moved);
    assertEquals(200, r.statusCode(), r.body());
    assertNotEquals(other, V2Server.json(r).path("silenceID").asText());

    HttpResponse<String> expired = server.delete("/api/v2/silence/" + id);
    assertEquals(200, expired.statusCode());
    assertEquals("", expired.body());
    assertEquals("expired", V2Server.json(server.get("/api/v2/silence/" + id)).path("status").path("state").asText());
    JsonNode all = V2Server.json(server.get("/api/v2/silences"));
    assertFits("gettableSilences", all);
    List<String> states = new ArrayList<>();
    all.forEach(s -> states.add(s.path("status").path("state").asText()));
    assertEquals(List.of("active", "expired", "expired"), states); // active first, then expired, latest first
  }

  @Test
  void aPendingSilenceStartsWhenTheClockGetsThere() {
    HttpResponse<String> r = server.post("/api/v2/silences",
        silence("[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}]", NOW.plus(Duration.ofMinutes(10)), NOW.plus(Duration.ofHours(1))));
    String id = V2Server.json(r).path("silenceID").asText();
    assertEquals("pending", V2Server.json(server.get("/api/v2/silence/" + id)).path("status").path("state").asText());
    server.clock.advance(Duration.ofMinutes(10));
    assertEquals("active", V2Server.json(server.get("/api/v2/silence/" + id)).path("status").path("state").asText());
  }
}
