package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.notify.HttpPeer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --dry-run} with a receiver of each new type: every integration renders its payload
 * into the log (the card, the Opsgenie requests, the Discord message, the Telegram request) and
 * nothing reaches the peers, whose secrets appear nowhere in the log.
 */
class NewReceiversDryRunTest {
  private static final List<String> TYPES = List.of("msteams", "msteamsv2", "opsgenie", "discord", "telegram");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private App app;
  private HttpPeer peer;
  private PrintStream originalErr;

  @AfterEach
  void stop() {
    if (originalErr != null) {
      System.setErr(originalErr);
    }
    if (app != null) {
      app.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void everyNewIntegrationRendersItsPayloadAndSendsNothing() throws Exception {
    peer = HttpPeer.ok(Clock.systemUTC());
    String base = peer.uri("").toString();
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route: {receiver: everyone, group_wait: 0s, group_by: [alertname]}
        receivers:
          - name: everyone
            msteams_configs: [{webhook_url: 'BASE/teams/secret-teams-path'}]
            msteamsv2_configs: [{webhook_url: 'BASE/workflow/secret-flow-path'}]
            opsgenie_configs: [{api_key: secret-opsgenie-key, api_url: 'BASE/'}]
            discord_configs: [{webhook_url: 'BASE/api/webhooks/1/secret-discord-token'}]
            telegram_configs: [{bot_token: 'secret-telegram-token', chat_id: -100123, api_url: 'BASE'}]
        """.replace("BASE", base));
    assertEquals(0, dev.tta.alertrouter.cli.CheckConfigRun.exitCode(config), "check-config accepts it");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    app = App.start(new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("https://router.tta.dev")), Clock.systemUTC(), Map.of());

    String alert = "[{\"labels\": {\"alertname\": \"TTAServiceDown\", \"service\": \"api\", \"severity\": \"critical\"},"
        + " \"annotations\": {\"summary\": \"TTA service api is down\", \"runbook_url\": \"https://runbooks.tta.dev/down\"},"
        + " \"startsAt\": \"2026-01-01T00:00:00Z\"}]";
    HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/api/v2/alerts")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, posted.statusCode(), posted.body());

    // The group flushes at once (group_wait 0s); wait for the five dry-run lines, not for a timer.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (dryRunLines(log).size() < TYPES.size() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<String> lines = dryRunLines(log);
    assertEquals(TYPES.size(), lines.size(), log.toString(StandardCharsets.UTF_8));
    for (String type : TYPES) {
      String line = lines.stream().filter(l -> l.contains(" integration=" + type + "[0] ")).findFirst().orElseThrow();
      String payload = line.substring(line.indexOf(" payload=") + " payload=".length());
      switch (type) {
        case "msteams", "msteamsv2" -> assertEquals("AdaptiveCard",
            json.readTree(payload).get("attachments").get(0).get("content").get("type").asText());
        case "opsgenie" -> assertTrue(payload.startsWith("POST " + base + "/v2/alerts (Authorization: GenieKey <secret>) {"),
            payload);
        case "discord" -> assertEquals("[FIRING:1] P0 TTAServiceDown",
            json.readTree(payload).get("embeds").get(0).get("title").asText());
        default -> {
          JsonNode request = json.readTree(payload);
          assertEquals(-100123, request.get("chat_id").asLong());
          assertTrue(request.get("text").asText().contains("Why was I notified?"));
        }
      }
    }
    String all = log.toString(StandardCharsets.UTF_8);
    for (String secret : List.of("secret-teams-path", "secret-flow-path", "secret-opsgenie-key", "secret-discord-token",
        "secret-telegram-token")) {
      assertFalse(all.contains(secret), secret + " leaked into the log");
    }
    assertTrue(peer.requests().isEmpty(), "dry-run sends nothing");
  }

  private static List<String> dryRunLines(ByteArrayOutputStream log) {
    return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("dry-run (--dry-run)")).toList();
  }
}
