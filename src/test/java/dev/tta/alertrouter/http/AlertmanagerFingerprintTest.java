package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import dev.tta.alertrouter.e2e.RealAlertmanager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push fixture carries no fingerprint, so the real Alertmanager 0.25 (Debian's package) is
 * asked: the same body goes to it and to alert-router, and both must list the same fingerprint.
 */
class AlertmanagerFingerprintTest {
  @TempDir Path dir;

  @Test
  void pushedAlertHasTheFingerprintAlertmanagerGivesIt() throws Exception {
    // Alertmanager runs on the real clock and lists only unresolved alerts: move the end ahead.
    ArrayNode alerts = (ArrayNode) TestServer.JSON.readTree(TestServer.PUSH_FIXTURE.toFile());
    ((ObjectNode) alerts.get(0)).put("endsAt", Instant.now().plusSeconds(3600).toString());
    byte[] body = TestServer.JSON.writeValueAsBytes(alerts);

    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: blackhole\nreceivers:\n- name: blackhole\n");
    try (RealAlertmanager am = RealAlertmanager.start(config, dir); TestServer server = TestServer.start()) {
      int port = am.port();
      HttpResponse<String> posted = server.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build());
      assertEquals(200, posted.statusCode(), posted.body());
      JsonNode amAlerts = TestServer.JSON.readTree(server.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/v2/alerts")).GET().build()).body());
      assertEquals(1, amAlerts.size());
      String alertmanagersFingerprint = amAlerts.get(0).get("fingerprint").asText();

      server.clock.set(Instant.now());
      assertEquals(200, server.post("/api/v2/alerts", "application/json", body).statusCode());

      assertEquals(alertmanagersFingerprint, server.listAlerts("").get(0).get("fingerprint").asText());
    }
  }
}
