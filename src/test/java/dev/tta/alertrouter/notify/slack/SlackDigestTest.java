package dev.tta.alertrouter.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.template.TemplateFallbackListener;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.template.TestConfigs;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest as Slack's incoming webhook receives it, on a loopback peer speaking Slack's wire format. */
class SlackDigestTest {
  @TempDir Path dir;
  private SlackWireServer slack;
  private SlackNotifier notifier;

  @BeforeEach
  void start() throws Exception {
    slack = new SlackWireServer();
    Path secret = Files.writeString(dir.resolve("slack-url"), slack.webhookUrl() + "\n");
    ReceiverConfig receiver = TestConfigs.receiver(dir, """
        route: {receiver: default}
        receivers:
          - name: default
            digest: {max_per_interval: 10, interval: 5m}
            slack_configs:
              - api_url_file: %s
                channel: '#tta-alerts'
        """.formatted(secret), Map.of(), "default");
    var templates = new Templates(TemplateFallbackListener.NONE).slack("default", 0, receiver.slackConfigs().get(0));
    notifier = new SlackNotifier(receiver.slackConfigs().get(0), templates.templates(), TestNotifications.LINKS,
        new InMemorySlackMessageStore());
  }

  @AfterEach
  void stop() {
    notifier.close();
    slack.close();
  }

  private static Digest digest() {
    Instant start = Instant.parse("2026-12-03T10:05:00Z");
    return new Digest("default/slack[0]@" + start, "default", "slack[0]", start, start.plusSeconds(300), 12,
        List.of(new Digest.FoldedGroup("{}:{alertname=\"DiskFull\"}", 30, 0),
            new Digest.FoldedGroup("{}:{alertname=\"<!channel>\"}", 5, 2)),
        List.of(new Digest.Count("DiskFull", 30), new Digest.Count("<!channel>", 7)),
        List.of(new Digest.Count("db", 37)),
        List.of(new Digest.Count("P1", 30), new Digest.Count("P2", 7)));
  }

  @Test
  void aDigestIsOneNewMessageWithTheHeadlineTheTopValuesAndTheReceiversList() {
    assertEquals(new DeliveryOutcome.Delivered(), notifier.sendDigest(digest()));

    List<SlackWireServer.Request> posts = slack.requests(SlackWireServer.WEBHOOK_PATH);
    assertEquals(1, posts.size());
    JsonNode payload = posts.get(0).json();
    assertEquals("#tta-alerts", payload.path("channel").asText());
    assertTrue(payload.path("text").asText().contains("+37 more alerts in 2 groups for default (35 firing, 2 resolved)"),
        payload.path("text").asText());
    JsonNode blocks = payload.at("/attachments/0/blocks");
    assertEquals("+37 more alerts in 2 groups", blocks.at("/0/text/text").asText());
    String section = blocks.at("/1/text/text").asText();
    assertTrue(section.contains("*Top alertnames:* DiskFull (30), &lt;!channel&gt; (7)"), section);
    assertTrue(section.contains("*Teams:* db (37)"), section);
    assertTrue(section.contains("*Priorities:* P1 (30), P2 (7)"), section);
    assertFalse(payload.toString().contains("<!channel>"), "label values are escaped");
    assertTrue(blocks.at("/2/elements/0/text").asText().contains("12 notifications folded"),
        blocks.at("/2").toString());
    JsonNode button = blocks.at("/3/elements/0");
    assertEquals("Alerts of default", button.at("/text/text").asText());
    assertEquals(TestNotifications.LINKS.externalUrl() + "/alerts?receiver=default", button.path("url").asText());
  }

  @Test
  void theDryRunRenderingIsWhatWouldBeSent() {
    String rendered = notifier.renderDigest(digest());
    assertTrue(rendered.contains("+37 more alerts in 2 groups"), rendered);
    assertFalse(rendered.contains(slack.webhookUrl()), "the rendering never holds the webhook URL");
  }
}
