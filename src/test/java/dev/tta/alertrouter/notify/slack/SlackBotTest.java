package dev.tta.alertrouter.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.template.TemplateFallbackListener;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.template.TestConfigs;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

class SlackBotTest {
  private static final String TOKEN = "xoxb-1111-2222-not-a-real-token";
  private static final String POST = "/api/chat.postMessage";
  private static final String UPDATE = "/api/chat.update";

  @TempDir Path dir;
  private SlackWireServer slack;
  private InMemorySlackMessageStore store;
  private SlackNotifier notifier;

  @BeforeEach
  void start() {
    slack = new SlackWireServer();
    store = new InMemorySlackMessageStore();
    ReceiverConfig receiver = TestConfigs.receiver(dir, """
        route: {receiver: team}
        receivers:
          - name: team
            slack_configs:
              - bot_token: ${SLACK_BOT_TOKEN}
                api_base_url: %s
                channel: '#tta-critical'
                send_resolved: true
        """.formatted(slack.apiBaseUrl()), Map.of("SLACK_BOT_TOKEN", TOKEN), "team");
    var templates = new Templates(TemplateFallbackListener.NONE).slack("team", 0, receiver.slackConfigs().get(0));
    notifier = new SlackNotifier(receiver.slackConfigs().get(0), templates.templates(), TestNotifications.LINKS, store);
  }

  @AfterEach
  void stop() {
    notifier.close();
    slack.close();
  }

  @Test
  void firstNotificationPostsTheBlocksWithTheTokenToTheChannel() {
    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.firing()));

    List<SlackWireServer.Request> posts = slack.requests(POST);
    assertEquals(1, posts.size());
    SlackWireServer.Request post = posts.get(0);
    assertEquals("Bearer " + TOKEN, post.header("Authorization"));
    Map<String, String> form = post.form();
    assertEquals("#tta-critical", form.get("channel"));
    assertEquals("[FIRING:1] P0 TTAServiceDown: &lt;!channel&gt; &lt;https://evil|click&gt; &amp; co", form.get("text"));
    assertEquals("0", form.get("link_names"), "no @mentions from alert text");
    assertEquals("0", form.get("unfurl_links"));
    assertEquals(SlackTestAlerts.expected("bot-firing-p0.json"), post.json("attachments"),
        "the webhook's message plus the Acknowledge and Silence buttons, valued with the group key");
    assertEquals(Optional.of(new SlackThread(SlackWireServer.CHANNEL_ID, "1700000000.000001")),
        store.find(SlackTestAlerts.firing().context().groupKey(), "#tta-critical"));
  }

  /** A notifier over the same channel whose groups are acknowledged by {@code ack}. */
  private SlackNotifier acknowledgedBy(Ack ack) {
    ReceiverConfig receiver = TestConfigs.receiver(dir, """
        route: {receiver: team}
        receivers:
          - name: team
            slack_configs:
              - bot_token: ${SLACK_BOT_TOKEN}
                api_base_url: %s
                channel: '#tta-critical'
        """.formatted(slack.apiBaseUrl()), Map.of("SLACK_BOT_TOKEN", TOKEN), "team");
    var templates = new Templates(TemplateFallbackListener.NONE).slack("team", 0, receiver.slackConfigs().get(0));
    return new SlackNotifier(receiver.slackConfigs().get(0), templates.templates(), TestNotifications.LINKS, store,
        groupKey -> Optional.of(ack).filter(a -> a.groupKey().equals(groupKey)));
  }

  private static JsonNode lastBlocks(SlackWireServer.Request call, int count) {
    JsonNode blocks = call.json("attachments").get(0).path("blocks");
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
        Stream.iterate(blocks.size() - count, i -> i < blocks.size(), i -> i + 1).map(blocks::get).toList());
  }

  @Test
  void anAcknowledgedGroupsMessageSaysWhoAndWhenAndOffersUnacknowledge() throws Exception {
    String groupKey = SlackTestAlerts.firing().context().groupKey();
    Instant at = Instant.parse("2026-11-24T03:12:40Z");
    try (SlackNotifier acked = acknowledgedBy(new Ack(groupKey, "@alice <b>", "on it & *more*", at, null, Ack.VIA_SLACK))) {

      acked.send(SlackTestAlerts.firing());

      JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
          [{"type":"context","elements":[{"type":"mrkdwn",
            "text":":eyes: Acknowledged by *@alice &lt;b&gt;* at <!date^1795489960^{time}|03:12 UTC>: on it &amp; *more*"}]},
           {"type":"actions","block_id":"alertrouter_actions","elements":[
             {"type":"button","text":{"type":"plain_text","text":"Unacknowledge","emoji":true},"action_id":"alertrouter_unack","value":%s},
             {"type":"button","text":{"type":"plain_text","text":"Silence 1h","emoji":true},"action_id":"alertrouter_silence_1h","value":%s},
             {"type":"button","text":{"type":"plain_text","text":"Silence 4h","emoji":true},"action_id":"alertrouter_silence_4h","value":%s}]}]
          """.replace("%s", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(groupKey)));
      assertEquals(expected, lastBlocks(slack.requests(POST).get(0), 2));
    }
  }

  @Test
  void refreshRewritesTheGroupsMessageInPlaceWithoutAReplyAndDoesNothingWithoutOne() {
    String groupKey = SlackTestAlerts.firing().context().groupKey();
    try (SlackNotifier acked = acknowledgedBy(new Ack(groupKey, "bob", "", SlackTestAlerts.FIRING_AT, null, Ack.VIA_API))) {
      assertFalse(acked.hasMessage(groupKey));
      assertEquals(new DeliveryOutcome.Delivered(), acked.refresh(SlackTestAlerts.firing()));
      assertTrue(slack.requests().isEmpty(), "no message yet: nothing to update, nothing posted");

      notifier.send(SlackTestAlerts.firing());
      assertTrue(acked.hasMessage(groupKey));

      assertEquals(new DeliveryOutcome.Delivered(), acked.refresh(SlackTestAlerts.firing()));

      List<SlackWireServer.Request> updates = slack.requests(UPDATE);
      assertEquals(1, updates.size());
      assertEquals("1700000000.000001", updates.get(0).form().get("ts"));
      assertTrue(updates.get(0).json("attachments").toString().contains("Acknowledged by *bob*"));
      assertEquals(1, slack.requests(POST).size(), "no thread reply: the group did not change");
    }
  }

  @Test
  void aResolvedGroupsMessageHasNoButtonsToAct() {
    String groupKey = SlackTestAlerts.firing().context().groupKey();
    try (SlackNotifier acked = acknowledgedBy(new Ack(groupKey, "bob", "", SlackTestAlerts.FIRING_AT, null, Ack.VIA_API))) {
      acked.send(SlackTestAlerts.resolved());

      String attachments = slack.requests(POST).get(0).json("attachments").toString();
      assertFalse(attachments.contains("alertrouter_"), attachments);
      assertFalse(attachments.contains("Acknowledged"), attachments);
    }
  }

  @Test
  void resolvedGroupUpdatesItsOriginalMessageAndRepliesInItsThread() {
    notifier.send(SlackTestAlerts.firing());

    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.resolved()));

    List<SlackWireServer.Request> updates = slack.requests(UPDATE);
    assertEquals(1, updates.size());
    Map<String, String> update = updates.get(0).form();
    assertEquals(SlackWireServer.CHANNEL_ID, update.get("channel"), "chat.update takes the channel ID Slack answered");
    assertEquals("1700000000.000001", update.get("ts"));
    assertEquals("[RESOLVED] P0 TTAServiceDown: &lt;!channel&gt; &lt;https://evil|click&gt; &amp; co", update.get("text"));
    assertEquals(SlackTestAlerts.expected("bot-resolved-update-p0.json"), updates.get(0).json("attachments"));

    List<SlackWireServer.Request> posts = slack.requests(POST);
    assertEquals(2, posts.size(), "the original post and the thread reply");
    Map<String, String> reply = posts.get(1).form();
    assertEquals(SlackWireServer.CHANNEL_ID, reply.get("channel"));
    assertEquals("1700000000.000001", reply.get("thread_ts"));
    assertEquals("[RESOLVED] P0 TTAServiceDown: &lt;!channel&gt; &lt;https://evil|click&gt; &amp; co", reply.get("text"));
    assertFalse(reply.containsKey("attachments"));
    assertEquals(0, store.size(), "a resolved group's message is done with");
  }

  @Test
  void firingAgainAfterResolutionStartsANewMessage() {
    notifier.send(SlackTestAlerts.firing());
    notifier.send(SlackTestAlerts.resolved());

    notifier.send(SlackTestAlerts.firing());

    List<SlackWireServer.Request> posts = slack.requests(POST);
    assertEquals(3, posts.size());
    assertFalse(posts.get(2).form().containsKey("thread_ts"), "a new top-level message");
    assertEquals(Optional.of(new SlackThread(SlackWireServer.CHANNEL_ID, "1700000000.000003")),
        store.find(SlackTestAlerts.firing().context().groupKey(), "#tta-critical"));
  }

  @Test
  void laterFiringNotificationUpdatesInPlaceAndRepliesInTheThread() {
    notifier.send(SlackTestAlerts.firing());

    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.firing()));

    assertEquals(1, slack.requests(UPDATE).size());
    assertEquals("1700000000.000001", slack.requests(POST).get(1).form().get("thread_ts"));
    assertEquals(1, store.size(), "still firing: the message stays the group's");
  }

  @Test
  void deletedOriginalMessageIsPostedAnew() {
    notifier.send(SlackTestAlerts.firing());
    slack.answer(UPDATE, SlackWireServer.Answer.json("{\"ok\":false,\"error\":\"message_not_found\"}"));

    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(SlackTestAlerts.firing()));

    List<SlackWireServer.Request> posts = slack.requests(POST);
    assertEquals(2, posts.size());
    assertFalse(posts.get(1).form().containsKey("thread_ts"));
    assertEquals(Optional.of(new SlackThread(SlackWireServer.CHANNEL_ID, "1700000000.000002")),
        store.find(SlackTestAlerts.firing().context().groupKey(), "#tta-critical"));
  }

  @Test
  void failedUpdateIsReportedWithoutPostingElsewhere() {
    notifier.send(SlackTestAlerts.firing());
    slack.answer(UPDATE, SlackWireServer.Answer.text(500, "upstream error"));

    DeliveryOutcome outcome = notifier.send(SlackTestAlerts.resolved());

    assertEquals(new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.update answered HTTP 500: upstream error"),
        outcome);
    assertEquals(1, slack.requests(POST).size(), "no reply, no second message");
    assertEquals(1, store.size(), "the retry updates the same message");
  }

  static Stream<Arguments> apiAnswers() {
    return Stream.of(
        Arguments.of(error("channel_not_found"), new DeliveryOutcome.Permanent("Slack chat.postMessage failed: channel_not_found")),
        Arguments.of(error("invalid_auth"), new DeliveryOutcome.Permanent("Slack chat.postMessage failed: invalid_auth")),
        Arguments.of(error("not_in_channel"), new DeliveryOutcome.Permanent("Slack chat.postMessage failed: not_in_channel")),
        Arguments.of(error("token_revoked"), new DeliveryOutcome.Permanent("Slack chat.postMessage failed: token_revoked")),
        Arguments.of(error("invalid_blocks"), new DeliveryOutcome.Permanent("Slack chat.postMessage failed: invalid_blocks")),
        Arguments.of(SlackWireServer.Answer.json("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\"}"),
            new DeliveryOutcome.Permanent("Slack chat.postMessage failed: missing_scope (needs scope chat:write)")),
        Arguments.of(error("ratelimited"), new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.postMessage failed: ratelimited")),
        Arguments.of(error("internal_error"),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.postMessage failed: internal_error")),
        Arguments.of(new SlackWireServer.Answer(429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of())
                .withHeader("Retry-After", "7"),
            new DeliveryOutcome.Retryable(Optional.of(Duration.ofSeconds(7)),
                "Slack chat.postMessage answered HTTP 429: ratelimited")),
        Arguments.of(SlackWireServer.Answer.text(500, "oops"),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.postMessage answered HTTP 500: oops")),
        Arguments.of(SlackWireServer.Answer.text(503, ""),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.postMessage answered HTTP 503")),
        Arguments.of(new SlackWireServer.Answer(200, "text/html", "<html>captive portal</html>", Map.of()),
            new DeliveryOutcome.Retryable(Optional.empty(), "Slack chat.postMessage answered something unreadable")),
        Arguments.of(SlackWireServer.Answer.text(400, "bad request"),
            new DeliveryOutcome.Permanent("Slack chat.postMessage answered HTTP 400: bad request")));
  }

  private static SlackWireServer.Answer error(String code) {
    return SlackWireServer.Answer.json("{\"ok\":false,\"error\":\"" + code + "\"}");
  }

  @ParameterizedTest
  @MethodSource("apiAnswers")
  void eachWebApiAnswerIsItsOutcome(SlackWireServer.Answer answer, DeliveryOutcome expected) {
    slack.answer(POST, answer);

    assertEquals(expected, notifier.send(SlackTestAlerts.firing()));
    assertEquals(0, store.size(), "nothing posted, nothing to update later");
  }

  @Test
  void unreachableWebApiIsRetryableAndTheReasonKeepsTheToken() {
    slack.close();

    DeliveryOutcome outcome = notifier.send(SlackTestAlerts.firing());

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertTrue(retry.reason().startsWith("Slack chat.postMessage failed: "), retry.reason());
    assertFalse(retry.reason().contains(TOKEN), retry.reason());
  }

  @Test
  void groupOfManyListsEachAlertWithItsExplainLink() {
    var group = TestNotifications.fromFixture("webhook-mixed-firing-resolved.json", "team",
        java.time.Instant.parse("2026-11-24T19:10:00Z"));

    notifier.send(group);

    JsonNode blocks = slack.requests(POST).get(0).json("attachments").at("/0/blocks");
    assertEquals(":bell: TTAHighErrorRate", blocks.at("/0/text/text").asText());
    assertEquals("""
        *High error rate in TTA primitives*
        • `instance=pod-1` Error rate is 7.1% for router · <https://router.tta.dev/alerts/957cd77975bf0f9e|explain>
        • :white_check_mark: `instance=pod-2` Error rate is 7.2% for router · <https://router.tta.dev/alerts/aaa1ad8fe8495547|explain>
        • `instance=pod-3` Error rate is 7.3% for router · <https://router.tta.dev/alerts/fd2bf446096a1ab4|explain>""",
        blocks.at("/1/text/text").asText());
    assertEquals(":fire: *2* firing · :white_check_mark: *1* resolved · since "
        + "<!date^1795547299^{date_short_pretty} {time}|2026-11-24 19:08 UTC>", blocks.at("/3/elements/0/text").asText());
  }
}
