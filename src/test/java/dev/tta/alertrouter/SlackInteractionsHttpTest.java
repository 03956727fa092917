package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.notify.slack.SlackWireServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's interactivity against the real server: a Slack peer on loopback takes the bot's
 * {@code chat.postMessage} and {@code chat.update} calls, and posts signed {@code block_actions}
 * payloads for clicks on the buttons the router put in its message.
 */
class SlackInteractionsHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TOKEN = "xoxb-1111-2222-not-a-real-token";
  private static final String GROUP = "{}:{alertname=\"TTAServiceDown\", service=\"api\"}";
  private static final String POST = "/api/chat.postMessage";
  private static final String UPDATE = "/api/chat.update";
  private static final String RESPONSE = "/actions/T0000/1000/response";
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private SlackWireServer slack;
  private App app;
  private String[] credentials = new String[0];

  @BeforeEach
  void peer() {
    slack = new SlackWireServer();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  private void start(boolean basicAuth) throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route:
          receiver: ops
          group_by: [alertname, service]
          group_wait: 30s
          repeat_interval: 4h
        receivers:
          - name: ops
            slack_configs:
              - bot_token: ${SLACK_BOT_TOKEN}
                api_base_url: %s
                channel: '#ops'
                signing_secret: ${SLACK_SIGNING_SECRET}
        """.formatted(slack.apiBaseUrl()));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://127.0.0.1:9095"));
    if (basicAuth) {
      options = options.withWebConfig(Files.writeString(dir.resolve("web.yml"),
          "basic_auth_users:\n  alice: " + BCrypt.withDefaults().hashToString(10, "secret".toCharArray()) + "\n"));
      credentials = new String[] {"Authorization",
          "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8))};
    }
    app = App.start(options, Clock.systemUTC(), Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (credentials.length > 0) {
      b.headers(credentials);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Fires the alert (started an hour ago, so its group flushes at once) and returns the posted message. */
  private SlackWireServer.Request fire() throws Exception {
    String startsAt = Instant.now().minus(Duration.ofHours(1)).toString();
    HttpResponse<String> r = send("POST", "/api/v2/alerts", "[{\"labels\":{\"alertname\":\"TTAServiceDown\","
        + "\"service\":\"api\",\"severity\":\"critical\"},\"startsAt\":\"" + startsAt + "\"}]");
    assertEquals(200, r.statusCode(), r.body());
    SlackWireServer.Request posted = slack.await(POST, 1, LIMIT).get(0);
    awaitSent();
    return posted;
  }

  /**
   * Waits until explain records the message as sent: the router remembers the message's ts (which
   * chat.update needs) after Slack answered, so a click that came sooner could find no message yet.
   * Polls what the server shows, as the browser tests wait on a page; the limit only ends a broken run.
   */
  private void awaitSent() throws Exception {
    String fingerprint = group().path("alerts").get(0).path("fingerprint").asText();
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!send("GET", "/api/v1/alerts/" + fingerprint + "/explain", null).body().contains("\"outcome\":\"sent\"")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the Slack message was never recorded as sent");
      }
      Thread.onSpinWait();
    }
  }

  /** The interactive buttons of a message (a chat.postMessage or chat.update call), by action_id. */
  private static Map<String, JsonNode> buttons(SlackWireServer.Request call) {
    Map<String, JsonNode> buttons = new java.util.LinkedHashMap<>();
    for (JsonNode block : call.json("attachments").get(0).path("blocks")) {
      if (block.path("block_id").asText().equals("alertrouter_actions")) {
        block.path("elements").forEach(e -> buttons.put(e.path("action_id").asText(), e));
      }
    }
    return buttons;
  }

  private static String contextText(SlackWireServer.Request call) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : call.json("attachments").get(0).path("blocks")) {
      if (block.path("type").asText().equals("context")) {
        block.path("elements").forEach(e -> texts.add(e.path("text").asText()));
      }
    }
    return String.join("\n", texts);
  }

  private HttpResponse<String> click(SlackWireServer.Request message, String actionId, String user) throws Exception {
    String ts = message.form().getOrDefault("ts", "1700000000.000001");
    String payload = slack.blockActions(buttons(message).get(actionId), user, ts);
    return SlackWireServer.post(url("/api/v1/slack/interactions"),
        SlackWireServer.sign(payload, SECRET, Instant.now().getEpochSecond()), true);
  }

  private JsonNode group() throws Exception {
    for (JsonNode g : JSON.readTree(send("GET", "/api/v1/groups", null).body())) {
      if (g.path("groupKey").asText().equals(GROUP)) {
        return g;
      }
    }
    throw new AssertionError("no group " + GROUP);
  }

  private static String ackPath() {
    return "/api/v1/groups/" + URLEncoder.encode(GROUP, StandardCharsets.UTF_8).replace("+", "%20") + "/ack";
  }

  @Test
  void aFiringGroupsMessageCarriesTheButtonsWithItsGroupKey() throws Exception {
    start(false);

    SlackWireServer.Request posted = fire();

    Map<String, JsonNode> buttons = buttons(posted);
    assertEquals(List.of("alertrouter_ack", "alertrouter_silence_1h", "alertrouter_silence_4h"),
        List.copyOf(buttons.keySet()));
    assertEquals("Acknowledge", buttons.get("alertrouter_ack").path("text").path("text").asText());
    for (JsonNode button : buttons.values()) {
      assertEquals(GROUP, button.path("value").asText());
    }
  }

  @Test
  void acknowledgeFromSlackAcksAsTheSlackUserAndUpdatesTheMessageAndAnUnackByTheApiUpdatesItBack() throws Exception {
    start(false);
    SlackWireServer.Request posted = fire();

    HttpResponse<String> clicked = click(posted, "alertrouter_ack", "alice");

    assertEquals(200, clicked.statusCode(), clicked.body());
    JsonNode ack = group().path("ack");
    assertEquals("@alice", ack.path("by").asText(), group().toString());
    SlackWireServer.Request updated = slack.await(UPDATE, 1, LIMIT).get(0);
    assertEquals(SlackWireServer.CHANNEL_ID, updated.form().get("channel"));
    assertEquals(posted.form().getOrDefault("ts", "1700000000.000001"), updated.form().get("ts"));
    String at = Instant.parse(ack.path("at").asText()).toString();
    assertTrue(contextText(updated).contains("Acknowledged by *@alice* at <!date^"
        + Instant.parse(at).getEpochSecond() + "^{time}|"), contextText(updated));
    assertEquals(List.of("alertrouter_unack", "alertrouter_silence_1h", "alertrouter_silence_4h"),
        List.copyOf(buttons(updated).keySet()));
    assertTrue(send("GET", "/metrics", null).body()
        .contains("alertrouter_acks_total{priority=\"P0\",team=\"none\",via=\"slack\"} 1.0"));
    assertTrue(slack.requests(RESPONSE).isEmpty(), "nothing to tell: the message shows it");

    assertEquals(200, send("DELETE", ackPath(), null).statusCode());

    SlackWireServer.Request reverted = slack.await(UPDATE, 2, LIMIT).get(1);
    assertFalse(contextText(reverted).contains("Acknowledged"), contextText(reverted));
    assertEquals(List.of("alertrouter_ack", "alertrouter_silence_1h", "alertrouter_silence_4h"),
        List.copyOf(buttons(reverted).keySet()));
    assertEquals(1, slack.requests(POST).size(), "updated in place, no thread reply");
  }

  @Test
  void unacknowledgeFromSlackEndsTheAck() throws Exception {
    start(false);
    SlackWireServer.Request posted = fire();
    assertEquals(200, click(posted, "alertrouter_ack", "alice").statusCode());
    SlackWireServer.Request acked = slack.await(UPDATE, 1, LIMIT).get(0);

    assertEquals(200, click(acked, "alertrouter_unack", "bob").statusCode());

    assertTrue(group().path("ack").isNull(), group().toString());
    assertTrue(buttons(slack.await(UPDATE, 2, LIMIT).get(1)).containsKey("alertrouter_ack"));
  }

  @Test
  void silenceButtonsSilenceTheGroupsCommonLabelsForTheirTimeAsTheSlackUser() throws Exception {
    start(false);
    SlackWireServer.Request posted = fire();

    Instant before = Instant.now();
    assertEquals(200, click(posted, "alertrouter_silence_4h", "bob").statusCode());
    Instant after = Instant.now();

    JsonNode silences = JSON.readTree(send("GET", "/api/v1/silences", null).body());
    JsonNode silence = silences.path("data").isArray() ? silences.path("data").get(0) : silences.get(0);
    assertEquals("@bob", silence.path("createdBy").asText(), silences.toString());
    assertEquals("from Slack", silence.path("comment").asText());
    List<String> matchers = new ArrayList<>();
    silence.path("matchers").forEach(m -> matchers.add(m.path("name").asText() + "=" + m.path("value").asText()
        + (m.path("isRegex").asBoolean() ? " regex" : "")));
    assertEquals(List.of("alertname=TTAServiceDown", "service=api", "severity=critical"), matchers);
    Instant end = Instant.parse(silence.path("endsAt").asText());
    assertFalse(end.isBefore(before.plus(Duration.ofHours(4))) || end.isAfter(after.plus(Duration.ofHours(4))),
        "four hours from the click: " + end);
    JsonNode told = slack.await(RESPONSE, 1, LIMIT).get(0).json();
    assertEquals("ephemeral", told.path("response_type").asText());
    assertTrue(told.path("text").asText().startsWith("Silenced until "), told.toString());
    assertTrue(group().path("ack").isNull(), "a silence is not an acknowledgement");
  }

  @Test
  void aClickOnAGroupThatIsGoneIsToldToTheClickerOnly() throws Exception {
    start(false);
    fire();
    String payload = slack.blockActions(JSON.readTree(
        "{\"action_id\":\"alertrouter_ack\",\"value\":\"{}:{alertname=\\\"Gone\\\"}\",\"text\":{\"type\":\"plain_text\",\"text\":\"Acknowledge\"}}"),
        "alice", "1700000000.000001");

    HttpResponse<String> r = SlackWireServer.post(url("/api/v1/slack/interactions"),
        SlackWireServer.sign(payload, SECRET, Instant.now().getEpochSecond()), true);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode told = slack.await(RESPONSE, 1, LIMIT).get(0).json();
    assertEquals("ephemeral", told.path("response_type").asText());
    assertFalse(told.path("replace_original").asBoolean(true));
    assertTrue(told.path("text").asText().contains("no longer held by alert-router"), told.toString());
  }

  @Test
  void refusedRequestsAre401WithAJsonReasonAndChangeNothingEvenWithBasicAuthOn() throws Exception {
    start(true);
    SlackWireServer.Request posted = fire();
    String payload = slack.blockActions(buttons(posted).get("alertrouter_ack"), "mallory", "1700000000.000001");
    long now = Instant.now().getEpochSecond();
    String interactions = url("/api/v1/slack/interactions");

    Map<String, HttpResponse<String>> refused = new java.util.LinkedHashMap<>();
    refused.put("wrong secret", SlackWireServer.post(interactions, SlackWireServer.sign(payload, "not-the-secret", now), true));
    refused.put("old timestamp", SlackWireServer.post(interactions, SlackWireServer.sign(payload, SECRET, now - 6 * 60), true));
    refused.put("missing headers", SlackWireServer.post(interactions, SlackWireServer.sign(payload, SECRET, now), false));
    SlackWireServer.Interaction tampered = SlackWireServer.sign(payload, SECRET, now);
    refused.put("body changed after signing", SlackWireServer.post(interactions, new SlackWireServer.Interaction(
        tampered.body().replace("mallory", "mall0ry"), tampered.timestamp(), tampered.signature()), true));

    for (Map.Entry<String, HttpResponse<String>> e : refused.entrySet()) {
      assertEquals(401, e.getValue().statusCode(), e.getKey() + ": " + e.getValue().body());
      assertEquals("error", JSON.readTree(e.getValue().body()).path("status").asText(), e.getKey());
      assertFalse(e.getValue().body().contains(SECRET), e.getKey());
    }
    assertTrue(refused.get("old timestamp").body().contains("more than 5 minutes"), refused.get("old timestamp").body());
    assertTrue(group().path("ack").isNull(), "nothing acknowledged: " + group());

    SlackWireServer.Interaction genuine = SlackWireServer.sign(payload, SECRET, now);
    assertEquals(200, SlackWireServer.post(interactions, genuine, true).statusCode(), "basic auth does not apply");
    assertEquals("@mallory", group().path("ack").path("by").asText());
    assertEquals(200, send("DELETE", ackPath(), null).statusCode());

    HttpResponse<String> replayed = SlackWireServer.post(interactions, genuine, true);

    assertEquals(401, replayed.statusCode(), replayed.body());
    assertTrue(replayed.body().contains("replayed"), replayed.body());
    assertTrue(group().path("ack").isNull(), "the replay changed nothing: " + group());
  }

  @Test
  void aPayloadThatIsNotSlacksIs400NamingTheField() throws Exception {
    start(false);
    HttpResponse<String> r = SlackWireServer.post(url("/api/v1/slack/interactions"),
        new SlackWireServer.Interaction("nopayload=1", "0", "v0=0"), false);
    assertEquals(401, r.statusCode(), "unsigned is refused before it is read");

    SlackWireServer.Interaction signed = SlackWireServer.sign("{\"type\":", SECRET, Instant.now().getEpochSecond());
    HttpResponse<String> bad = SlackWireServer.post(url("/api/v1/slack/interactions"), signed, true);

    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("payload: not valid JSON"), bad.body());
  }
}
