package dev.tta.alertrouter.notify.telegram;

import static dev.tta.alertrouter.notify.ReceiverTestAlerts.RUNBOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TelegramConfig;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.ReceiverTestAlerts;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Bot API request as a peer speaking Telegram's wire format on loopback receives it ({@code
 * POST /bot{token}/sendMessage}, answered {@code {"ok":true,"result":{…}}}), and what Telegram's
 * errors become.
 */
class TelegramNotifierTest {
  private static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
  private static final long CHAT = -1001234567890L;
  private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":-1001234567890,"
      + "\"type\":\"supergroup\"},\"date\":1764064800,\"text\":\"…\"}}";
  /** The tags Telegram's HTML parse mode allows that the default template uses. */
  private static final Set<String> TAGS = Set.of("b", "code", "a");

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(ReceiverTestAlerts.T0);
  private final HttpPeer peer;

  TelegramNotifierTest() throws IOException {
    peer = new HttpPeer(clock, request -> request.path().equals("/bot" + TOKEN + "/sendMessage")
        ? Answer.json(200, SENT)
        : Answer.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  private TelegramConfig config(Optional<Long> thread) {
    return new TelegramConfig(true, HttpClientConfig.defaults(), peer.uri("").toString(),
        Optional.of(new Secret(TOKEN)), CHAT, thread, true, Map.of(), new SourceLocation("am.yml", 30));
  }

  private TelegramNotifier notifier(TelegramConfig config) {
    return new TelegramNotifier(config, ReceiverTestAlerts.defaults(MessageKind.TELEGRAM), TestNotifications.LINKS,
        new HttpPoster(config.httpConfig()), clock);
  }

  private TelegramNotifier notifier() {
    return notifier(config(Optional.of(7L)));
  }

  private JsonNode sent() throws IOException {
    return json.readTree(peer.requests().get(0).body());
  }

  /** Every tag in {@code html}, checked to be one Telegram knows and to be closed in order. */
  private static void assertWellFormed(String html) {
    Matcher tag = Pattern.compile("<(/?)([a-z]+)[^>]*>").matcher(html);
    List<String> open = new ArrayList<>();
    while (tag.find()) {
      assertTrue(TAGS.contains(tag.group(2)), "unexpected tag " + tag.group() + " in:\n" + html);
      if (tag.group(1).isEmpty()) {
        open.add(tag.group(2));
      } else {
        assertEquals(tag.group(2), open.remove(open.size() - 1), html);
      }
    }
    assertTrue(open.isEmpty(), html);
  }

  @Test
  void sendsAnHtmlMessageToTheChatAndTopic() throws IOException {
    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    HttpPeer.Request request = peer.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/bot" + TOKEN + "/sendMessage", request.path());
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode body = sent();
    assertEquals(CHAT, body.get("chat_id").asLong());
    assertEquals(7, body.get("message_thread_id").asInt());
    assertEquals("HTML", body.get("parse_mode").asText());
    assertTrue(body.get("disable_notification").asBoolean());
    assertTrue(body.get("link_preview_options").get("is_disabled").asBoolean());
    String text = body.get("text").asText();
    assertTrue(text.startsWith("🔥 <b>FIRING:1</b> <b>P0</b> TTAServiceDown"), text);
    assertTrue(text.contains("<a href=\"" + RUNBOOK + "\">Runbook</a>"), text);
    assertTrue(text.contains("<a href=\"https://router.tta.dev/alerts/"), text);
    assertTrue(text.contains("\">Why was I notified?</a>"), text);
    assertWellFormed(text);
  }

  @Test
  void withoutATopicNoThreadIsSent() throws IOException {
    notifier(config(Optional.empty())).send(ReceiverTestAlerts.firing("P1"));

    assertFalse(sent().has("message_thread_id"));
  }

  @Test
  void labelValuesAreEscapedForTelegramsHtml() throws IOException {
    notifier().send(ReceiverTestAlerts.hostile());

    String text = sent().get("text").asText();
    assertTrue(text.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"),
        text);
    assertTrue(text.contains("instance: <code>&lt;b&gt;bold"), "a label value, escaped: " + text);
    assertFalse(text.contains("javascript:alert(1)\">"), text);
    assertWellFormed(text);
  }

  @Test
  void theGroupLinkIsAnEscapedAttribute() throws IOException {
    notifier().send(ReceiverTestAlerts.firing("P0"));

    String text = sent().get("text").asText();
    assertTrue(text.contains("<a href=\"https://router.tta.dev/alerts?filter=alertname%3D%22TTAServiceDown%22"
        + "&amp;filter=service%3D%22api%22\">Alerts in group</a>"), text);
  }

  @Test
  void aLongMessageIsCutAtALineAndStaysWellFormed() throws IOException {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      alerts.add(new Alert(Labels.of(Map.of("alertname", "TTAServiceDown", "instance", "pod-" + i + "<&>".repeat(100))),
          Map.of("summary", "s" + i, "description", "d".repeat(600) + i), ReceiverTestAlerts.T0.minusSeconds(60), null,
          "", ReceiverTestAlerts.T0));
    }

    notifier().send(ReceiverTestAlerts.notification(alerts));

    String text = sent().get("text").asText();
    assertTrue(text.length() <= 4096, "length " + text.length());
    assertTrue(text.endsWith("\n…"));
    assertWellFormed(text);
  }

  @Test
  void a429IsRetriedAfterTelegramsRetryAfter() {
    peer.then(Answer.json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 5\","
        + "\"parameters\":{\"retry_after\":5}}"));

    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertEquals(Optional.of(Duration.ofSeconds(5)), retry.retryAfter());
    assertEquals("Telegram answered 429: Too Many Requests: retry after 5", retry.reason());
  }

  @Test
  void a400IsPermanentWithTelegramsDescription() {
    peer.then(Answer.json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));

    DeliveryOutcome outcome = notifier().send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertEquals("Telegram answered 400: Bad Request: chat not found", permanent.reason());
  }

  @Test
  void theTokenAppearsInNoErrorAndNoRendering() {
    int port = peer.port();
    peer.close();
    TelegramConfig config = new TelegramConfig(true, HttpClientConfig.defaults(), "http://127.0.0.1:" + port,
        Optional.of(new Secret(TOKEN)), CHAT, Optional.empty(), false, Map.of(), new SourceLocation("am.yml", 30));
    TelegramNotifier notifier = notifier(config);

    DeliveryOutcome outcome = notifier.send(ReceiverTestAlerts.firing("P0"));
    String rendered = notifier.render(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertFalse(retry.reason().contains(TOKEN), retry.reason());
    assertFalse(rendered.contains(TOKEN), rendered);
  }
}
