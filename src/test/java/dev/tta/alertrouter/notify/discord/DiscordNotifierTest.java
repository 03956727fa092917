package dev.tta.alertrouter.notify.discord;

import static dev.tta.alertrouter.notify.ReceiverTestAlerts.RUNBOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.DiscordConfig;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TemplateSource;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.ReceiverTestAlerts;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.TestNotifications;
import dev.tta.alertrouter.notify.template.Templates;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The message as a peer speaking Discord's webhook wire format on loopback receives it ({@code
 * POST /api/webhooks/{id}/{token}}, answered 204), and what Discord's errors become.
 */
class DiscordNotifierTest {
  private static final String WEBHOOK_PATH = "/api/webhooks/1234567890/secret-webhook-token";

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(ReceiverTestAlerts.T0);
  private final HttpPeer peer;

  DiscordNotifierTest() throws IOException {
    peer = new HttpPeer(clock, request -> Answer.of(204));
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  private DiscordConfig config(Map<String, TemplateSource> templates) {
    return new DiscordConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(peer.uri(WEBHOOK_PATH).toString())),
        Optional.of("alert-router"), Optional.of("https://router.tta.dev/logo.png"), templates,
        new SourceLocation("am.yml", 20));
  }

  private DiscordNotifier notifier(DiscordConfig config, MessageTemplates templates) {
    return new DiscordNotifier(config, templates, TestNotifications.LINKS, new HttpPoster(config.httpConfig()), clock);
  }

  private DiscordNotifier notifier() {
    return notifier(config(Map.of()), ReceiverTestAlerts.defaults(MessageKind.DISCORD));
  }

  private JsonNode sent() throws IOException {
    return json.readTree(peer.requests().get(0).body());
  }

  @Test
  void postsOneEmbedWithTitleColourAndLinks() throws IOException {
    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    HttpPeer.Request request = peer.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals(WEBHOOK_PATH, request.path());
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode message = sent();
    assertFalse(message.has("content"), "no content by default: the embed says it all");
    assertEquals("alert-router", message.get("username").asText());
    assertEquals("https://router.tta.dev/logo.png", message.get("avatar_url").asText());
    assertEquals(0, message.get("allowed_mentions").get("parse").size(), "nothing may ping");
    JsonNode embed = message.get("embeds").get(0);
    assertEquals("[FIRING:1] P0 TTAServiceDown", embed.get("title").asText());
    assertEquals(0xE01E5A, embed.get("color").asInt());
    assertEquals(RUNBOOK, embed.get("url").asText());
    String description = embed.get("description").asText();
    assertTrue(description.startsWith("**TTA service api is down**"), description);
    assertTrue(description.contains("[Runbook](" + RUNBOOK + ")"), description);
    assertTrue(description.contains("[Why was I notified?](https://router.tta.dev/alerts/"), description);
    assertTrue(description.contains("[Alerts in group](https://router.tta.dev/alerts?filter="), description);
  }

  @ParameterizedTest
  @CsvSource({"P0, 14687834", "P1, 15512110", "P2, 3589616", "'', 10395294"})
  void theColourIsThePriorities(String priority, int colour) throws IOException {
    notifier().send(ReceiverTestAlerts.firing(priority));

    assertEquals(colour, sent().get("embeds").get(0).get("color").asInt());
  }

  @Test
  void aResolvedGroupIsGreen() throws IOException {
    notifier().send(ReceiverTestAlerts.resolved());

    JsonNode embed = sent().get("embeds").get(0);
    assertEquals(0x2EB67D, embed.get("color").asInt());
    assertTrue(embed.get("title").asText().startsWith("[RESOLVED]"));
  }

  @Test
  void alertTextCannotMentionFormatOrLink() throws IOException {
    notifier().send(ReceiverTestAlerts.hostile());

    JsonNode message = sent();
    String description = message.get("embeds").get(0).get("description").asText();
    assertFalse(description.contains("@everyone"), description);
    assertTrue(description.contains("@\u200beveryone"), description);
    assertTrue(description.contains("\\<@123\\>"), description);
    assertTrue(description.contains("\\*\\*md\\*\\* \\[click\\]\\(https://evil.example\\)"), description);
    assertTrue(description.contains("\\`code\\`"), description);
    assertTrue(description.contains("\n\\# heading\n\\- item"), description);
    assertFalse(description.contains("[click](https://evil"), description);
    assertEquals(0, message.get("allowed_mentions").get("parse").size());
  }

  @Test
  void contentTemplateAddsTextAboveTheEmbedEscaped() throws IOException {
    Map<String, TemplateSource> overrides = Map.of("content", new TemplateSource("{{ summary }} <@&987>",
        new SourceLocation("am.yml", 22), "receivers[0].discord_configs[0].templates.content"));
    MessageTemplates templates = new Templates((r, i, t, reason) -> {})
        .of(MessageKind.DISCORD, "platform", "discord", 0, overrides).templates();

    notifier(config(overrides), templates).send(ReceiverTestAlerts.hostile());

    String content = sent().get("content").asText();
    assertTrue(content.contains("@\u200beveryone"), content);
    assertTrue(content.endsWith(" <@&987>"), "the template's own text is trusted: " + content);
    assertEquals(0, sent().get("allowed_mentions").get("parse").size(), "still, nothing pings");
  }

  @Test
  void a429IsRetriedAfterTheBodysRetryAfter() {
    peer.then(Answer.json(429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5, \"global\": false}")
        .withHeader("Retry-After", "2"));

    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertEquals(Optional.of(Duration.ofMillis(1500)), retry.retryAfter());
    assertTrue(retry.reason().contains("You are being rate limited."), retry.reason());
  }

  @Test
  void a429WithOnlyTheHeaderUsesIt() {
    peer.then(new Answer(429, Map.of("Retry-After", "4"), ""));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class,
        notifier().send(ReceiverTestAlerts.firing("P0")));
    assertEquals(Optional.of(Duration.ofSeconds(4)), retry.retryAfter());
  }

  @Test
  void a400IsPermanentWithDiscordsMessageAndCode() {
    peer.then(Answer.json(400, "{\"code\": 50035, \"errors\": {\"embeds\": {}}, \"message\": \"Invalid Form Body\"}"));

    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertEquals("Discord answered 400: Invalid Form Body (code 50035)", permanent.reason());
  }

  @Test
  void a5xxIsRetriedAndTheTokenAppearsNowhere() {
    peer.then(Answer.of(502));
    DiscordNotifier notifier = notifier();

    DeliveryOutcome outcome = notifier.send(ReceiverTestAlerts.firing("P0"));
    String rendered = notifier.render(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertFalse(retry.reason().contains("secret-webhook-token"));
    assertFalse(rendered.contains("secret-webhook-token"));
  }
}
