package dev.tta.alertrouter.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.Notification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");

  @TempDir Path dir;

  private final List<String> fallbacks = new ArrayList<>();
  private final Templates templates = new Templates(
      (receiver, integration, template, reason) -> fallbacks.add(receiver + " " + integration + " " + template));

  private static MessageModel mixedGroup() {
    return MessageModels.of(TestNotifications.fromFixture("webhook-mixed-firing-resolved.json", "team", NOW),
        TestNotifications.LINKS);
  }

  private static MessageModel oneAlert(Map<String, String> annotations) {
    Notification n = TestNotifications.notification("team", Labels.of("alertname", "TTAServiceDown"), NOW,
        List.of(TestNotifications.alert(Map.of("alertname", "TTAServiceDown", "priority", "P1", "service", "router"),
            annotations, Instant.parse("2026-11-24T19:00:00Z"), null, "")));
    return MessageModels.of(n, TestNotifications.LINKS);
  }

  private ReceiverConfig receiver(String integrations) {
    return TestConfigs.receiver(dir, """
        route: {receiver: team}
        receivers:
          - name: team
        """ + integrations.indent(4), Map.of(), "team");
  }

  @Test
  void everyShippedDefaultCompilesAndRendersEveryKind() {
    templates.compileDefaults();
    MessageModel model = mixedGroup();
    for (MessageKind kind : MessageKind.values()) {
      MessageTemplates defaults = templates.defaults(kind, "team", kind.name().toLowerCase() + "[0]");
      // Rendering throws for a default that does not compile or evaluate; some are empty by design
      // (Discord's content, its embeds carry the message).
      long rendered = kind.templateNames().stream().map(name -> defaults.render(name, model))
          .filter(text -> !text.isBlank()).count();
      assertTrue(rendered > 0, kind + " rendered nothing");
    }
    assertTrue(fallbacks.isEmpty(), fallbacks.toString());
  }

  @Test
  void aFlappingAlertIsSaidToBeFlappingInSlackAndEmail() {
    MessageTemplates email = templates.defaults(MessageKind.EMAIL, "team", "email[0]");
    MessageTemplates slack = templates.defaults(MessageKind.SLACK, "team", "slack[0]");
    MessageModel flapping = oneAlert(Map.of("flapping", "true"));
    MessageModel steady = oneAlert(Map.of());

    assertTrue(email.render("subject", flapping).startsWith("[FLAPPING] [FIRING:1]"), email.render("subject", flapping));
    assertTrue(email.render("text", flapping).contains("Flapping: it keeps firing and resolving"));
    assertTrue(email.render("html", flapping).contains("<strong>Flapping:</strong>"));
    assertTrue(slack.render("title", flapping).contains("Flapping: "), slack.render("title", flapping));
    assertTrue(slack.render("text", flapping).contains("_Flapping: it keeps firing and resolving"));
    assertFalse(email.render("subject", steady).contains("FLAPPING"));
    assertFalse(slack.render("text", steady).contains("Flapping"));
  }

  @Test
  void defaultsLookRightWithNoConfiguration() {
    MessageTemplates email = templates.defaults(MessageKind.EMAIL, "team", "email[0]");
    MessageTemplates slack = templates.defaults(MessageKind.SLACK, "team", "slack[0]");
    MessageModel model = mixedGroup();

    assertEquals("[FIRING:2] TTAHighErrorRate: High error rate in TTA primitives", email.render("subject", model));
    assertEquals(":bell: TTAHighErrorRate", slack.render("title", model));
    assertEquals("[FIRING:2] TTAHighErrorRate: High error rate in TTA primitives", slack.render("fallback", model));
    String text = email.render("text", model);
    assertTrue(text.startsWith("""
        FIRING: TTAHighErrorRate

        High error rate in TTA primitives

        Firing: 2, resolved: 1, firing since 2026-11-24 19:08 UTC
        alertname: TTAHighErrorRate
        service: router
        environment: production
        team: platform

        Runbook: https://runbooks.tta.dev/high-error-rate
        Explain: https://router.tta.dev/alerts/957cd77975bf0f9e
        Group:   https://router.tta.dev/alerts?filter=alertname%3D%22TTAHighErrorRate%22&filter=service%3D%22router%22
        To silence this group, use the matchers {alertname="TTAHighErrorRate", service="router"}

        [FIRING] instance=pod-1, since 2026-11-24T19:08:19Z
          Error rate is 7.1% for router
        """), text);
    assertTrue(text.contains("""
        [RESOLVED] instance=pod-2, since 2026-11-24T19:08:19Z, resolved 2026-11-24T19:08:22Z
          Error rate is 7.2% for router
        """), text);
    String html = email.render("html", model);
    assertTrue(html.contains("<a href=\"https://runbooks.tta.dev/high-error-rate\""), html);
    assertTrue(html.contains("filter=alertname%3D%22TTAHighErrorRate%22&amp;filter=service%3D%22router%22"), html);
  }

  @Test
  void priorityShowsInTheTitleWithItsColour() {
    MessageModel model = oneAlert(Map.of("summary", "Router is down"));

    assertEquals("P1", model.priority());
    assertEquals("#ECB22E", model.color());
    assertEquals(":large_orange_circle: P1 · TTAServiceDown",
        templates.defaults(MessageKind.SLACK, "team", "slack[0]").render("title", model));
  }

  @Test
  void overrideRendersInPlaceOfTheDefault() {
    ReceiverConfig r = receiver("""
        slack_configs:
          - api_url: https://hooks.slack.com/services/T/B/X
            templates:
              title: "{{ priority }} {{ commonLabels.service }} is down"
        """);

    TemplateCompilation compiled = templates.slack("team", 0, r.slackConfigs().get(0));

    assertEquals(List.of(), compiled.errors());
    MessageModel model = oneAlert(Map.of("summary", "Router is down"));
    assertEquals("P1 router is down", compiled.templates().render("title", model));
    assertEquals("[FIRING:1] P1 TTAServiceDown: Router is down", compiled.templates().render("fallback", model),
        "what is not overridden keeps its default");
  }

  @Test
  void slackOverridesPrintAlertValuesEscapedAndTheirOwnLinksIntact() {
    ReceiverConfig r = receiver("""
        slack_configs:
          - api_url: https://hooks.slack.com/services/T/B/X
            templates:
              text: "{{ summary }} <{{ runbookUrl }}|runbook>"
        """);

    String text = templates.slack("team", 0, r.slackConfigs().get(0)).templates().render("text",
        oneAlert(Map.of("summary", "<!here> a & b", "runbook_url", "https://runbooks.tta.dev/a?x=1&y=2")));

    assertEquals("&lt;!here&gt; a &amp; b <https://runbooks.tta.dev/a?x=1&amp;y=2|runbook>", text);
  }

  @Test
  void templateThatDoesNotCompileIsAConfigErrorNamingReceiverAndKey() {
    LoadResult loaded = TestConfigs.load(dir, """
        route: {receiver: team}
        receivers:
          - name: team
            email_configs:
              - to: oncall@tta.dev
                from: router@tta.dev
                smarthost: 127.0.0.1:25
                templates:
                  subject: "{% if %}oops"
        """, Map.of());
    assertTrue(loaded.ok(), "the YAML itself is fine: " + loaded.errors());

    List<ConfigError> errors = templates.check(loaded.config().receivers());

    assertEquals(1, errors.size(), errors.toString());
    ConfigError error = errors.get(0);
    assertEquals("receivers[0].email_configs[0].templates.subject", error.key());
    assertEquals(dir.resolve("alertmanager.yml").toString(), error.location().file());
    assertEquals(9, error.location().line());
    assertTrue(error.message().startsWith("receiver team: template does not compile: Unexpected token"),
        error.message());
    assertTrue(error.message().endsWith("(line 1 of the template)"), error.message());
  }

  @Test
  void unknownTemplateNameIsAConfigError() {
    ReceiverConfig r = receiver("""
        slack_configs:
          - api_url: https://hooks.slack.com/services/T/B/X
            templates:
              titel: "{{ title }}"
        """);

    List<ConfigError> errors = templates.slack("team", 0, r.slackConfigs().get(0)).errors();

    assertEquals(1, errors.size());
    assertEquals("receivers[0].slack_configs[0].templates.titel", errors.get(0).key());
    assertEquals("receiver team: unknown slack template \"titel\" (known: fallback, text, title)", errors.get(0).message());
  }

  @Test
  void templateFailingAtSendFallsBackToTheDefaultAndIsCounted() {
    ReceiverConfig r = receiver("""
        slack_configs:
          - api_url: https://hooks.slack.com/services/T/B/X
          - api_url: https://hooks.slack.com/services/T/B/Y
            templates:
              title: "{{ summary | numberformat('#') }}"
        """);
    TemplateCompilation compiled = templates.slack("team", 1, r.slackConfigs().get(1));
    assertTrue(compiled.ok(), "it compiles; only rendering shows the summary is no number");

    String title = compiled.templates().render("title", oneAlert(Map.of("summary", "Router is down")));

    assertEquals(":large_orange_circle: P1 · TTAServiceDown", title, "the default's output");
    assertEquals(List.of("team slack[1] title"), fallbacks);
  }

  @Test
  void emailSubjectStaysOneLineWhateverTheAlertSays() {
    MessageModel model = oneAlert(Map.of("summary", "down\r\nBcc: everyone@tta.dev\nX-Evil: 1"));

    String subject = templates.defaults(MessageKind.EMAIL, "team", "email[0]").render("subject", model);

    assertEquals("[FIRING:1] P1 TTAServiceDown: down Bcc: everyone@tta.dev X-Evil: 1", subject);
  }

  @Test
  void emailHtmlEscapesAlertText() {
    MessageModel model = oneAlert(Map.of("summary", "<script>alert(1)</script>", "description", "a \"quoted\" & 'b'"));

    String html = templates.defaults(MessageKind.EMAIL, "team", "email[0]").render("html", model);

    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("a &quot;quoted&quot; &amp; &#39;b&#39;"), html);
  }

  @Test
  void alertmanagerGoTemplatesLoadWithAWarningAndAreIgnored() {
    LoadResult loaded = TestConfigs.load(dir, """
        route: {receiver: team}
        receivers:
          - name: team
            slack_configs:
              - api_url: https://hooks.slack.com/services/T/B/X
                title: '{{ .CommonLabels.alertname }}'
                text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'
            email_configs:
              - to: oncall@tta.dev
                from: router@tta.dev
                smarthost: 127.0.0.1:25
                html: '{{ template "email.default.html" . }}'
                headers:
                  subject: '[{{ .Status }}] {{ .CommonLabels.alertname }}'
                  X-Team: platform
        """, Map.of());

    assertTrue(loaded.ok(), loaded.errors().toString());
    assertEquals(List.of(
        "receiver team: slack_configs[0]: title, text hold Alertmanager Go templates, which alert-router does not run;"
            + " ignored (alert-router's own templates go under slack_configs[0].templates)",
        "receiver team: email_configs[0]: html holds Alertmanager Go templates, which alert-router does not run;"
            + " ignored (alert-router's own templates go under email_configs[0].templates)",
        "receiver team: email_configs[0].headers: Subject holds Alertmanager Go templates, which alert-router does"
            + " not run; not sent (the subject template goes under email_configs[0].templates.subject)"),
        loaded.warnings());
    assertEquals(List.of(), templates.check(loaded.config().receivers()));
  }
}
