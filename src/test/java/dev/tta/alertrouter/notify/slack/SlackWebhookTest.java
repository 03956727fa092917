package dev.tta.alertrouter.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.template.TemplateFallbackListener;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.template.TestConfigs;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackWebhookTest {
  @TempDir Path dir;
  private SlackWireServer slack;
  private SlackNotifier notifier;

  @BeforeEach
  void start() {
    slack = new SlackWireServer();
    notifier = notifier(slack.webhookUrl());
  }

  @AfterEach
  void stop() {
    notifier.close();
    slack.close();
  }

  private SlackNotifier notifier(String webhookUrl) {
    ReceiverConfig receiver = TestConfigs.receiver(dir, """
        route: {receiver: team}
        receivers:
          - name: team
            slack_configs:
              - api_url_file: %s
                channel: '#tta-alerts'
                send_resolved: true
        """.formatted(secretFile(webhookUrl)), Map.of(), "team");
    var templates = new Templates(TemplateFallbackListener.NONE).slack("team", 0, receiver.slackConfigs().get(0));
    return new SlackNotifier(receiver.slackConfigs().get(0), templates.templates(), TestNotifications.LINKS,
        new InMemorySlackMessageStore());
  }

  private Path secretFile(String url) {
    try {
      return java.nio.file.Files.writeString(dir.resolve("slack-url"), url + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void webhookPostsTheExactBlockKitPayload() {
    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.firing()));

    List<SlackWireServer.Request> posts = slack.requests(SlackWireServer.WEBHOOK_PATH);
    assertEquals(1, posts.size());
    assertEquals("POST", posts.get(0).method());
    assertTrue(posts.get(0).header("Content-Type").startsWith("application/json"));
    assertEquals(SlackTestAlerts.expected("webhook-firing-p0.json"), posts.get(0).json());
  }

  @Test
  void alertTextCannotPingTheChannelOrForgeALink() {
    notifier.send(SlackTestAlerts.firing());

    JsonNode payload = slack.requests().get(0).json();
    List<String> texts = new ArrayList<>();
    collectTexts(payload, texts);
    String section = payload.at("/attachments/0/blocks/1/text/text").asText();
    assertTrue(section.startsWith("*&lt;!channel&gt; &lt;https://evil|click&gt; &amp; co*"), section);
    for (String text : texts) {
      assertFalse(text.contains("<!channel>"), text);
      assertFalse(text.contains("<https://evil"), text);
      assertFalse(text.contains(" & co"), text);
    }
  }

  @Test
  void runbookButtonOpensTheAlertsRunbook() {
    notifier.send(SlackTestAlerts.firing());

    JsonNode actions = slack.requests().get(0).json().at("/attachments/0/blocks/4");
    assertEquals("actions", actions.get("type").asText());
    JsonNode runbook = actions.at("/elements/0");
    assertEquals("Runbook", runbook.at("/text/text").asText());
    assertEquals("https://runbooks.tta.dev/service-down", runbook.get("url").asText());
  }

  @Test
  void resolvedGroupPostsANewGreenMessage() {
    notifier.send(SlackTestAlerts.firing());
    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.resolved()));

    List<SlackWireServer.Request> posts = slack.requests(SlackWireServer.WEBHOOK_PATH);
    assertEquals(2, posts.size(), "a webhook cannot edit: the resolution is a new message");
    JsonNode resolved = posts.get(1).json();
    assertEquals(SlackTestAlerts.expected("bot-resolved-update-p0.json"), resolved.get("attachments"));
    assertEquals("[RESOLVED] P0 TTAServiceDown: &lt;!channel&gt; &lt;https://evil|click&gt; &amp; co",
        resolved.get("text").asText());
  }

  static Stream<Arguments> webhookAnswers() {
    return Stream.of(
        Arguments.of(SlackWireServer.Answer.text(200, "ok"), new DeliveryOutcome.Delivered()),
        Arguments.of(SlackWireServer.Answer.text(400, "invalid_payload"),
            new DeliveryOutcome.Permanent("Slack webhook answered HTTP 400: invalid_payload")),
        Arguments.of(SlackWireServer.Answer.text(403, "action_prohibited"),
            new DeliveryOutcome.Permanent("Slack webhook answered HTTP 403: action_prohibited")),
        Arguments.of(SlackWireServer.Answer.text(404, "channel_not_found"),
            new DeliveryOutcome.Permanent("Slack webhook answered HTTP 404: channel_not_found")),
        Arguments.of(SlackWireServer.Answer.text(410, "channel_is_archived"),
            new DeliveryOutcome.Permanent("Slack webhook answered HTTP 410: channel_is_archived")),
        Arguments.of(SlackWireServer.Answer.text(429, "rate_limited").withHeader("Retry-After", "30"),
            new DeliveryOutcome.Retryable(Optional.of(Duration.ofSeconds(30)),
                "Slack webhook answered HTTP 429: rate_limited")),
        Arguments.of(SlackWireServer.Answer.text(429, "rate_limited"),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack webhook answered HTTP 429: rate_limited")),
        Arguments.of(SlackWireServer.Answer.text(500, "internal_error"),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack webhook answered HTTP 500: internal_error")),
        Arguments.of(SlackWireServer.Answer.text(503, ""),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack webhook answered HTTP 503")));
  }

  @ParameterizedTest
  @MethodSource("webhookAnswers")
  void eachWebhookAnswerIsItsOutcome(SlackWireServer.Answer answer, DeliveryOutcome expected) {
    slack.answer(SlackWireServer.WEBHOOK_PATH, answer);

    assertEquals(expected, notifier.send(SlackTestAlerts.firing()));
  }

  @Test
  void unreachableSlackIsRetryableAndTheReasonKeepsTheWebhookSecret() {
    SlackWireServer gone = new SlackWireServer();
    String url = gone.webhookUrl();
    gone.close();
    try (SlackNotifier toNowhere = notifier(url)) {
      DeliveryOutcome outcome = toNowhere.send(SlackTestAlerts.firing());

      DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
      assertTrue(retry.reason().startsWith("Slack webhook failed: "), retry.reason());
      assertFalse(retry.reason().contains("XXXXXXXXXXXXXXXX"), retry.reason());
    }
  }

  private static void collectTexts(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.elements().forEachRemaining(child -> collectTexts(child, into));
  }
}
