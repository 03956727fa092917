package dev.tta.alertrouter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.alert.Labels;
import jakarta.mail.internet.MimeMessage;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real parts: the real Prometheus evaluates a rule that fires, the real
 * Alertmanager forwards it to alert-router (served in this JVM), which routes it and notifies a
 * webhook, Slack, PagerDuty and an SMTP server on loopback, each with the runbook link; Prometheus
 * scrapes alert-router; the metrics and explain tell the story. Every wait is bounded.
 */
class E2eRealStackTest {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNBOOK = "http://alert-router.e2e/runbooks/service-down";

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aFiringRuleReachesEveryIntegrationWithItsRunbookAndTheRouterExplainsIt() throws Exception {
    RealAlertmanager.binary("prometheus");
    RealAlertmanager.binary("prometheus-alertmanager");
    GreenMail smtp = new GreenMail(ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort());
    smtp.start();
    try (WebhookSink webhook = new WebhookSink();
        RecordingPeer slack = RecordingPeer.slackWebhook();
        RecordingPeer pagerduty = RecordingPeer.pagerDutyEvents()) {
      Path rules = Files.writeString(dir.resolve("router.yml"), """
          route:
            receiver: everyone
            group_by: [alertname, service]
            group_wait: 0s
            group_interval: 1m
            repeat_interval: 1h
          receivers:
            - name: everyone
              webhook_configs:
                - url: '%s'
              slack_configs:
                - api_url: '%s'
                  channel: '#tta-critical'
              pagerduty_configs:
                - routing_key: 0123456789abcdef0123456789abcdef
                  url: '%s'
              email_configs:
                - to: oncall@tta.dev
                  from: router@tta.dev
                  smarthost: 127.0.0.1:%d
                  require_tls: false
          """.formatted(webhook.url("/hook"), slack.url("/services/T0/B0/X"), pagerduty.url("/v2/enqueue"),
          smtp.getSmtp().getPort()));
      AppOptions options = new AppOptions(rules, Optional.of(Path.of("runbooks")), "127.0.0.1", 0, dir.resolve("data"),
          false, URI.create("http://alert-router.e2e"));
      try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
        Path amConfig = Files.writeString(dir.resolve("alertmanager.yml"), """
            route:
              receiver: alert-router
              group_by: ['...']
              group_wait: 0s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: alert-router
                webhook_configs:
                  - url: http://127.0.0.1:%d/api/v1/alertmanager
                    send_resolved: true
                    max_alerts: 0
            """.formatted(app.port()));
        try (RealAlertmanager am = RealAlertmanager.start(amConfig, dir)) {
          Files.writeString(dir.resolve("rules.yml"), """
              groups:
                - name: e2e
                  rules:
                    - alert: TTAServiceDown
                      expr: vector(1) > 0
                      labels:
                        severity: critical
                        service: e2e
                      annotations:
                        summary: TTA service e2e is down
              """);
          Path promConfig = Files.writeString(dir.resolve("prometheus.yml"), """
              global:
                scrape_interval: 1s
                evaluation_interval: 1s
              rule_files: [rules.yml]
              alerting:
                alertmanagers:
                  - static_configs: [{targets: ['127.0.0.1:%d']}]
              scrape_configs:
                - job_name: alert-router
                  static_configs: [{targets: ['127.0.0.1:%d']}]
              """.formatted(am.port(), app.port()));
          try (RealPrometheus prometheus = RealPrometheus.start(promConfig, dir)) {
            // Arrival, each with the runbook link.
            JsonNode hook = webhook.await(p -> p.path("alerts").size() > 0, LIMIT, "from the rule");
            JsonNode alert = hook.path("alerts").get(0);
            assertEquals("TTAServiceDown", alert.at("/labels/alertname").asText());
            assertEquals("P0", alert.at("/labels/priority").asText());
            assertEquals(RUNBOOK, alert.at("/annotations/runbook_url").asText());
            assertTrue(slack.awaitFirst(LIMIT).contains(RUNBOOK), "slack message links the runbook");
            assertTrue(pagerduty.awaitFirst(LIMIT).contains(RUNBOOK), "pagerduty event links the runbook");
            assertTrue(smtp.waitForIncomingEmail(LIMIT.toMillis(), 1), "an email arrived");
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertTrue(GreenMailUtil.getBody(mail).contains("runbooks/service-down"), "the email links the runbook");

            // The story, as explain tells it.
            String fingerprint = Labels.of("alertname", "TTAServiceDown", "severity", "critical", "service", "e2e")
                .fingerprint().toString();
            assertEquals(fingerprint, alert.path("fingerprint").asText(), "Alertmanager's fingerprint, kept");
            JsonNode story = until(() -> explain(app, fingerprint),
                s -> sentVia(s).size() == 4, "explain shows four notifications sent");
            assertEquals(Set.of("email[0]", "pagerduty[0]", "slack[0]", "webhook[0]"), sentVia(story));
            assertTrue(story.path("decisions").toString().contains("priority P0: severity \\\"critical\\\" maps to it"));

            // The metrics moved, and Prometheus scraped them.
            String metrics = new String(app.metrics().expose("text/plain").body(), StandardCharsets.UTF_8);
            assertTrue(metrics.contains("alertrouter_alerts_received_total{source=\"alertmanager\",status=\"firing\"}"));
            for (String integration : new String[] {"webhook", "slack", "pagerduty", "email"}) {
              assertTrue(metrics.contains("alertrouter_notifications_total{integration=\"" + integration
                  + "\",outcome=\"sent\",receiver=\"everyone\"} 1.0"), integration + " in\n" + metrics);
            }
            assertTrue(metrics.contains("alertrouter_runbook_enrichments_total{priority=\"P0\",source=\"runbooks\"} 4.0"));
            until(() -> query(prometheus, "up{job=\"alert-router\"}"),
                r -> r.size() == 1 && "1".equals(r.get(0).at("/value/1").asText()), "Prometheus scrapes alert-router");
            until(() -> query(prometheus, "sum(alertrouter_notifications_total{job=\"alert-router\",outcome=\"sent\"})"),
                r -> r.size() == 1 && "4".equals(r.get(0).at("/value/1").asText()),
                "Prometheus sees the notifications counted");
          }
        }
      }
    } finally {
      smtp.stop();
    }
  }

  private static Set<String> sentVia(JsonNode story) {
    Set<String> via = new TreeSet<>();
    for (JsonNode d : story.path("decisions")) {
      if ("notification".equals(d.path("stage").asText()) && "sent".equals(d.at("/details/outcome").asText())) {
        via.add(d.at("/details/integration").asText());
      }
    }
    return via;
  }

  private JsonNode explain(App app, String fingerprint) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/alerts/" + fingerprint + "/explain")).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? JSON.readTree(r.body()).path("data") : JSON.createObjectNode();
  }

  private JsonNode query(RealPrometheus prometheus, String promql) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheus.port()
        + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).at("/data/result");
  }

  /** Asks {@code ask} again until {@code done} holds; the peers move on their own clocks. */
  private static JsonNode until(Question ask, Predicate<JsonNode> done, String what) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ask.ask();
      if (done.test(last)) {
        return last;
      }
    }
    throw new AssertionError(what + ": not within " + LIMIT + "; last answer " + last);
  }

  @FunctionalInterface
  private interface Question {
    JsonNode ask() throws Exception;
  }
}
