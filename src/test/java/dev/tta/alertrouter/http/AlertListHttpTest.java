package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/alerts} over all webhook fixtures: 8 distinct alerts, one resolved. */
class AlertListHttpTest {
  final TestServer server = TestServer.start();

  @BeforeEach
  void loadFixtures() {
    for (String f : List.of("webhook-firing-group-of-3.json", "webhook-firing-info-no-runbook.json",
        "webhook-firing-single.json", "webhook-firing-truncated.json", "webhook-mixed-firing-resolved.json")) {
      assertEquals(200, server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve(f)).statusCode());
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String q(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  List<String> instancesOrNames(String query) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : server.listAlerts(query)) {
      JsonNode labels = a.get("labels");
      out.add(labels.has("instance") ? labels.get("instance").asText() : labels.get("alertname").asText());
    }
    out.sort(null);
    return out;
  }

  @Test
  void withoutFilterListsEveryAlert() {
    assertEquals(List.of("DeploymentCompleted", "TTAServiceDown", "cache-1", "cache-2", "pod-1", "pod-2", "pod-3"),
        instancesOrNames(""));
  }

  @Test
  void equalityFilterSelectsATeam() {
    assertEquals(List.of("cache-1", "cache-2"), instancesOrNames("?" + q("filter", "team=\"cost-optimization\"")));
  }

  @Test
  void filterListInBracesMustAllMatch() {
    assertEquals(List.of("pod-1", "pod-2"),
        instancesOrNames("?" + q("filter", "{alertname=\"TTAHighErrorRate\",instance=~\"pod-[12]\"}")));
  }

  @Test
  void repeatedFiltersMustAllMatch() {
    assertEquals(List.of("DeploymentCompleted", "TTAServiceDown"),
        instancesOrNames("?" + q("filter", "team=platform") + "&" + q("filter", "instance!~\".+\"")));
  }

  @Test
  void statusNarrowsToResolvedOrFiring() {
    assertEquals(List.of("pod-2"), instancesOrNames("?status=resolved"));
    assertEquals(6, server.listAlerts("?status=firing").size());
  }

  @Test
  void eachAlertCarriesItsFields() {
    JsonNode alert = server.listAlerts("?" + q("filter", "instance=\"pod-2\"")).get(0);

    assertEquals("aaa1ad8fe8495547", alert.get("fingerprint").asText());
    assertEquals("resolved", alert.get("status").asText());
    assertEquals("2026-11-24T19:08:19.427253946Z", alert.get("startsAt").asText());
    assertEquals("2026-11-24T19:08:22Z", alert.get("endsAt").asText());
    assertEquals("https://runbooks.tta.dev/high-error-rate", alert.get("annotations").get("runbook_url").asText());
    assertEquals("", alert.get("generatorURL").asText());
    assertEquals(TestServer.NOW.toString(), alert.get("updatedAt").asText());
  }

  @Test
  void badFilterIs400NamingIt() {
    HttpResponse<String> r = server.get("/api/v1/alerts?" + q("filter", "team") + "&"
        + q("filter", "team=\"platform\""));

    assertEquals(400, r.statusCode());
    assertEquals("{\"status\":\"error\",\"errors\":[{\"field\":\"filter\","
        + "\"message\":\"bad filter \\\"team\\\": bad matcher format: team\"}]}", r.body());
  }

  @Test
  void badRegexFilterIs400NamingIt() {
    HttpResponse<String> r = server.get("/api/v1/alerts?" + q("filter", "instance=~\"pod-[\""));

    assertEquals(400, r.statusCode());
    assertEquals("filter", TestServer.json(r).get("errors").get(0).get("field").asText());
    assertEquals("bad filter \"instance=~\"pod-[\"\": invalid regular expression \"pod-[\": missing closing ]: `[)$`",
        TestServer.json(r).get("errors").get(0).get("message").asText());
  }

  @Test
  void badStatusIs400() {
    HttpResponse<String> r = server.get("/api/v1/alerts?status=pending");

    assertEquals(400, r.statusCode());
    assertEquals("{\"status\":\"error\",\"errors\":[{\"field\":\"status\","
        + "\"message\":\"bad status \\\"pending\\\": expected firing or resolved\"}]}", r.body());
  }
}
