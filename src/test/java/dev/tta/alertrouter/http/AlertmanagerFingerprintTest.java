package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push fixture carries no fingerprint, so the real Alertmanager 0.25 (Debian's package) is
 * asked: the same body goes to it and to alert-router, and both must list the same fingerprint.
 */
class AlertmanagerFingerprintTest {
  @TempDir Path dir;

  static Path requireAlertmanager() {
    Optional<Path> binary = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, "prometheus-alertmanager"))
        .filter(Files::isExecutable)
        .findFirst();
    if (binary.isEmpty()) {
      String reason = "prometheus-alertmanager not on PATH (Debian package 'prometheus-alertmanager')";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + "; CI must install it");
      }
      Assumptions.abort(reason);
    }
    return binary.get();
  }

  @Test
  void pushedAlertHasTheFingerprintAlertmanagerGivesIt() throws Exception {
    Path binary = requireAlertmanager();
    // Alertmanager runs on the real clock and lists only unresolved alerts: move the end ahead.
    ArrayNode alerts = (ArrayNode) TestServer.JSON.readTree(TestServer.PUSH_FIXTURE.toFile());
    ((ObjectNode) alerts.get(0)).put("endsAt", Instant.now().plusSeconds(3600).toString());
    byte[] body = TestServer.JSON.writeValueAsBytes(alerts);

    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: blackhole\nreceivers:\n- name: blackhole\n");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process am = new ProcessBuilder(binary.toString(),
        "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
        .redirectErrorStream(true)
        .start();
    try (TestServer server = TestServer.start()) {
      awaitListening(am);
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
    } finally {
      am.destroy();
      assertTrue(am.waitFor(30, TimeUnit.SECONDS), "alertmanager stopped");
    }
  }

  /**
   * Reads Alertmanager's log until it says it listens (no polling); the rest of its output is
   * drained so it never blocks on a full pipe. Gives up after a minute rather than hang.
   */
  private static void awaitListening(Process am) throws Exception {
    BufferedReader log = new BufferedReader(new InputStreamReader(am.getInputStream(), StandardCharsets.UTF_8));
    StringBuffer seen = new StringBuffer();
    CompletableFuture<Boolean> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
          seen.append(line).append('\n');
          if (line.contains("msg=\"Listening on\"")) {
            listening.complete(true);
          }
        }
      } catch (IOException e) {
        // the process ended; the future below says whether it ever listened
      }
      listening.complete(false);
    }, "alertmanager-log");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!listening.get(60, TimeUnit.SECONDS)) {
        throw new AssertionError("alertmanager exited before listening:\n" + seen);
      }
    } catch (TimeoutException e) {
      throw new AssertionError("alertmanager did not listen within a minute:\n" + seen, e);
    }
  }
}
