package dev.tta.alertrouter.notify.msteams;

import static dev.tta.alertrouter.notify.ReceiverTestAlerts.HOSTILE;
import static dev.tta.alertrouter.notify.ReceiverTestAlerts.RUNBOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.MSTeamsConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Adaptive Card as a peer speaking Teams' incoming-webhook and workflow wire format on loopback
 * receives it: {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":{AdaptiveCard}}]}}, answered 200 "1" by an
 * incoming webhook and 202 by a workflow.
 */
class MSTeamsNotifierTest {
  private static final String SECRET_PATH = "/webhookb2/secret-token-123/IncomingWebhook/abc";

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(ReceiverTestAlerts.T0);
  private final HttpPeer peer;

  MSTeamsNotifierTest() throws IOException {
    peer = new HttpPeer(clock, request -> new Answer(200, Map.of("Content-Type", "text/plain"), "1"));
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  private MSTeamsConfig config(boolean workflow, Map<String, TemplateSource> templates) {
    return new MSTeamsConfig(workflow, true, HttpClientConfig.defaults(),
        Optional.of(new Secret(peer.uri(SECRET_PATH).toString())), templates, new SourceLocation("am.yml", 7));
  }

  private MSTeamsNotifier notifier(MSTeamsConfig config, MessageTemplates templates) {
    return new MSTeamsNotifier(config, templates, TestNotifications.LINKS, new HttpPoster(config.httpConfig()), clock);
  }

  private MSTeamsNotifier notifier(boolean workflow) {
    return notifier(config(workflow, Map.of()), ReceiverTestAlerts.defaults(MessageKind.MSTEAMS));
  }

  private JsonNode card() throws IOException {
    JsonNode message = json.readTree(peer.requests().get(0).body());
    assertEquals("message", message.get("type").asText());
    JsonNode attachment = message.get("attachments").get(0);
    assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
    assertTrue(attachment.get("contentUrl").isNull());
    JsonNode card = attachment.get("content");
    assertEquals("AdaptiveCard", card.get("type").asText());
    assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.get("$schema").asText());
    return card;
  }

  private static List<String> actions(JsonNode card, String field) {
    List<String> out = new ArrayList<>();
    card.get("actions").forEach(a -> {
      assertEquals("Action.OpenUrl", a.get("type").asText());
      out.add(a.get(field).asText());
    });
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void postsOneAdaptiveCardWithHeadingLabelsAndButtons(boolean workflow) throws IOException {
    DeliveryOutcome outcome = notifier(workflow).send(ReceiverTestAlerts.firing("P0"));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    HttpPeer.Request request = peer.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals(SECRET_PATH, request.path());
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode card = card();
    JsonNode heading = card.get("body").get(0);
    assertEquals("Container", heading.get("type").asText());
    assertEquals("attention", heading.get("style").asText(), "P0 is red");
    assertEquals("P0 · TTAServiceDown", heading.get("items").get(0).get("text").asText());
    assertEquals("**TTA service api is down**", card.get("body").get(1).get("text").asText());
    JsonNode facts = card.get("body").get(2);
    assertEquals("FactSet", facts.get("type").asText());
    assertEquals("alertname", facts.get("facts").get(0).get("title").asText());
    assertEquals(List.of("Runbook", "Source graph", "Why was I notified?", "Alerts in group"), actions(card, "title"));
    List<String> urls = actions(card, "url");
    assertEquals(RUNBOOK, urls.get(0));
    assertEquals(ReceiverTestAlerts.RULE, urls.get(1));
    assertTrue(urls.get(2).startsWith("https://router.tta.dev/alerts/"),
        urls.get(2));
    assertTrue(urls.get(3).startsWith("https://router.tta.dev/alerts?filter="), urls.get(3));
  }

  @ParameterizedTest
  @CsvSource({"P0, attention", "P1, warning", "P2, accent", "'', emphasis"})
  void theHeadingTakesThePriorityColour(String priority, String style) throws IOException {
    notifier(true).send(ReceiverTestAlerts.firing(priority));

    assertEquals(style, card().get("body").get(0).get("style").asText());
  }

  @Test
  void aResolvedGroupIsGreen() throws IOException {
    notifier(false).send(ReceiverTestAlerts.resolved());

    JsonNode heading = card().get("body").get(0);
    assertEquals("good", heading.get("style").asText());
    assertTrue(heading.get("items").get(0).get("text").asText().startsWith("Resolved: "));
  }

  @Test
  void alertTextCannotFormatTheCardOrForgeALink() throws IOException {
    notifier(false).send(ReceiverTestAlerts.hostile());

    JsonNode card = card();
    String text = card.get("body").get(1).get("text").asText();
    assertTrue(text.contains("\\*\\*md\\*\\* \\[click\\]\\(https://evil.example\\)"), text);
    assertTrue(text.contains("\\<b\\>bold\\</b\\>"), text);
    assertTrue(text.contains("\n\\# heading\n\\- item"), "a line cannot become a heading or a list: " + text);
    assertFalse(text.contains("[click](https://evil"), text);
    String instance = card.get("body").get(2).get("facts").get(2).get("value").asText();
    assertTrue(instance.startsWith("\\<b\\>bold"), instance);
    assertFalse(actions(card, "url").stream().anyMatch(u -> u.contains("evil")));
  }

  @Test
  void templatesOverrideTheTitleAndText() throws IOException {
    Map<String, TemplateSource> overrides = Map.of(
        "title", new TemplateSource("{{ priority }} {{ commonLabels.service }} is down", new SourceLocation("am.yml", 9),
            "receivers[0].msteams_configs[0].templates.title"),
        "text", new TemplateSource("Runbook: {{ runbookUrl }}", new SourceLocation("am.yml", 10),
            "receivers[0].msteams_configs[0].templates.text"));
    MSTeamsConfig config = config(false, overrides);
    MessageTemplates templates = new Templates((r, i, t, reason) -> {})
        .of(MessageKind.MSTEAMS, "platform", config.type(), 0, overrides).templates();

    notifier(config, templates).send(ReceiverTestAlerts.firing("P1"));

    JsonNode card = card();
    assertEquals("P1 api is down", card.get("body").get(0).get("items").get(0).get("text").asText());
    assertEquals("Runbook: https://runbooks.tta.dev/service-down", card.get("body").get(1).get("text").asText());
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    peer.then(new Answer(429, Map.of("Retry-After", "7"), "Too many requests"));

    DeliveryOutcome outcome = notifier(true).send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertEquals(Optional.of(Duration.ofSeconds(7)), retry.retryAfter());
  }

  @Test
  void anIncomingWebhookReportingA429InA200IsRetried() {
    peer.then(new Answer(200, Map.of(), "Webhook message delivery failed with error: Microsoft Teams endpoint "
        + "returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef"));

    assertInstanceOf(DeliveryOutcome.Retryable.class, notifier(false).send(ReceiverTestAlerts.firing("P0")));
  }

  @Test
  void a400IsPermanentAndSaysWhatTeamsSaid() {
    peer.then(new Answer(400, Map.of("Content-Type", "text/plain"), "Bad payload received by generic incoming webhook."));

    DeliveryOutcome outcome = notifier(false).send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertTrue(permanent.reason().contains("400: Bad payload received by generic incoming webhook."),
        permanent.reason());
    assertFalse(permanent.reason().contains("secret-token-123"));
  }

  @Test
  void aFailureNeverShowsTheWebhookUrl() {
    int port = peer.port();
    peer.close();
    MSTeamsConfig config = new MSTeamsConfig(false, true, HttpClientConfig.defaults(),
        Optional.of(new Secret("http://127.0.0.1:" + port + SECRET_PATH)), Map.of(), new SourceLocation("am.yml", 7));

    DeliveryOutcome outcome = notifier(config, ReceiverTestAlerts.defaults(MessageKind.MSTEAMS))
        .send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertFalse(retry.reason().contains("secret-token-123"), retry.reason());
  }

  @Test
  void theDryRunRenderingIsTheCardWithoutTheUrl() throws IOException {
    MSTeamsNotifier notifier = notifier(true);

    String rendered = notifier.render(ReceiverTestAlerts.firing("P0"));

    assertEquals("msteamsv2", notifier.type());
    assertEquals("AdaptiveCard", json.readTree(rendered).get("attachments").get(0).get("content").get("type").asText());
    assertFalse(rendered.contains("secret-token-123"));
    assertTrue(peer.requests().isEmpty());
  }
}
