package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeFixturesHttpTest {
  final TestServer server = TestServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Path> webhookFixtures() throws IOException {
    return Files.list(TestServer.AM_FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("webhookFixtures")
  void webhookFixtureIsAcceptedAndListedWithAlertmanagersFingerprints(Path fixture) throws IOException {
    JsonNode payload = TestServer.JSON.readTree(fixture.toFile());
    int count = payload.get("alerts").size();

    HttpResponse<String> response = server.postFile("/api/v1/alertmanager", fixture);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("success", TestServer.json(response).get("status").asText());
    assertEquals(count, TestServer.json(response).get("accepted").asInt());
    Map<String, String> expected = new TreeMap<>();
    for (JsonNode a : payload.get("alerts")) {
      expected.put(a.get("fingerprint").asText(), a.get("status").asText());
    }
    Map<String, String> listed = new TreeMap<>();
    for (JsonNode a : server.listAlerts("")) {
      listed.put(a.get("fingerprint").asText(), a.get("status").asText());
      assertEquals(a.get("status").asText().equals("firing"), a.get("endsAt").isNull());
    }
    assertEquals(expected, listed);
    assertEquals(1, server.handedOn.size());
    assertEquals(count, server.handedOn.get(0).size());
  }

  @Test
  void prometheusPushFixtureIsAcceptedAndListedFiringUntilItsEnd() throws IOException {
    HttpResponse<String> response = server.postFile("/api/v2/alerts", TestServer.PUSH_FIXTURE);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("{\"status\":\"success\",\"accepted\":1}", response.body());
    JsonNode listed = server.listAlerts("");
    assertEquals(1, listed.size());
    JsonNode alert = listed.get(0);
    // What Alertmanager 0.25 lists for this label set (AlertmanagerFingerprintTest asks it).
    assertEquals("a30ece39e32c3e90", alert.get("fingerprint").asText());
    assertEquals("TTAServiceDown", alert.get("labels").get("alertname").asText());
    assertEquals("firing", alert.get("status").asText());
    assertEquals("2026-11-24T19:12:40.111Z", alert.get("endsAt").asText());
    assertEquals("2026-11-24T19:08:40.111Z", alert.get("startsAt").asText());
    assertEquals(TestServer.NOW.toString(), alert.get("updatedAt").asText());
    assertTrue(alert.get("generatorURL").asText().startsWith("http://vm:19090/graph"));

    server.clock.set(java.time.Instant.parse("2026-11-24T19:12:40.111Z"));
    assertEquals("resolved", server.listAlerts("").get(0).get("status").asText());
  }

  @Test
  void allFixturesTogetherAreListedSortedByFingerprint() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path fixture : webhookFixtures().toList()) {
      assertEquals(200, server.postFile("/api/v1/alertmanager", fixture).statusCode());
      for (JsonNode a : TestServer.JSON.readTree(fixture.toFile()).get("alerts")) {
        if (!expected.contains(a.get("fingerprint").asText())) {
          expected.add(a.get("fingerprint").asText());
        }
      }
    }
    expected.sort(null);

    List<String> listed = new ArrayList<>();
    server.listAlerts("").forEach(a -> listed.add(a.get("fingerprint").asText()));

    assertEquals(expected, listed);
  }

  @Test
  void truncatedPayloadIsCountedAndSaid() {
    HttpResponse<String> response =
        server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-firing-truncated.json"));

    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"success\",\"accepted\":2,\"truncatedAlerts\":2}", response.body());
    assertEquals(2.0, server.metric("alertrouter_alerts_truncated_total"));
  }

  @Test
  void receivedAlertsAreCountedBySourceAndStatus() {
    server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-mixed-firing-resolved.json"));
    server.postFile("/api/v2/alerts", TestServer.PUSH_FIXTURE);

    assertEquals(2.0, server.metric("alertrouter_alerts_received_total{source=\"alertmanager\",status=\"firing\"}"));
    assertEquals(1.0, server.metric("alertrouter_alerts_received_total{source=\"alertmanager\",status=\"resolved\"}"));
    assertEquals(1.0, server.metric("alertrouter_alerts_received_total{source=\"prometheus\",status=\"firing\"}"));
    assertEquals(0.0, server.metric("alertrouter_alerts_received_total{source=\"prometheus\",status=\"resolved\"}"));
    assertEquals(3.0, server.metric("alertrouter_alerts{state=\"firing\"}"));
    assertEquals(1.0, server.metric("alertrouter_alerts{state=\"resolved\"}"));
  }

  @Test
  void resolvedWebhookResolvesTheFiringAlert() {
    server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"));
    server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-resolved-single.json"));

    JsonNode listed = server.listAlerts("");
    assertEquals(1, listed.size());
    assertEquals("resolved", listed.get(0).get("status").asText());
    assertEquals("2026-11-24T19:08:22Z", listed.get(0).get("endsAt").asText());
  }

  @Test
  void lateFiringCopyFromASlowReplicaIsCountedStaleAndIgnored() {
    server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-resolved-single.json"));
    server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"));

    assertEquals("resolved", server.listAlerts("").get(0).get("status").asText());
    assertEquals(1.0, server.metric("alertrouter_alerts_stale_total"));
  }
}
