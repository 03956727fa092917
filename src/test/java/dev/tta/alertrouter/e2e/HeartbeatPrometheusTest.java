package dev.tta.alertrouter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-man's switch on real parts: the real Prometheus runs the shipped Watchdog rule and pushes
 * it to alert-router (served in this JVM, real clock, a 5 s heartbeat with 5 s grace); stopping Prometheus pages the
 * heartbeat's receiver, a webhook peer on loopback, and starting it again resolves the page. Every
 * wait polls and is bounded.
 */
class HeartbeatPrometheusTest {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHIPPED_RULE = Path.of("deploy/prometheus/rules/watchdog.yml");
  private static final Path SHIPPED_RULE_TESTS = Path.of("deploy/prometheus/tests");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void stoppingPrometheusPagesTheHeartbeatsReceiverAndItsReturnResolves() throws Exception {
    RealAlertmanager.binary("prometheus");
    try (WebhookSink pager = new WebhookSink()) {
      Path rules = Files.writeString(dir.resolve("router.yml"), """
          route:
            receiver: blackhole
            group_by: [alertname]
            group_wait: 0s
            group_interval: 1s
            repeat_interval: 1h
            routes:
              - matchers: ['alertname="Watchdog"']
                receiver: blackhole
          receivers:
            - name: blackhole
            - name: pager
              webhook_configs: [{url: '%s', send_resolved: true}]
          heartbeats:
            - name: prometheus-tta-production
              matchers: ['alertname="Watchdog"', 'cluster="tta-production"']
              expect_every: 5s
              grace: 5s
              receiver: pager
              priority: P0
          """.formatted(pager.url("/pager")));
      int port = RealAlertmanager.freePort();
      Files.copy(SHIPPED_RULE, dir.resolve("watchdog.yml"));
      Path promConfig = Files.writeString(dir.resolve("prometheus.yml"), """
          global:
            evaluation_interval: 1s
          rule_files: [watchdog.yml]
          alerting:
            alertmanagers:
              - static_configs: [{targets: ['127.0.0.1:%d']}]
          """.formatted(port));
      // Prometheus first (it resends every second until alert-router listens): the heartbeat's
      // deadline counts from alert-router's start, and a slow Prometheus start must not page.
      RealPrometheus prometheus = RealPrometheus.start(promConfig, dir);
      AppOptions options = new AppOptions(rules, Optional.empty(), "127.0.0.1", port, dir.resolve("data"),
          false, URI.create("http://alert-router.e2e"));
      try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
        try {
          JsonNode alive = until(() -> heartbeat(app), h -> "alive".equals(h.path("state").asText()),
              "the Watchdog keeps the heartbeat alive");
          assertTrue(alive.has("lastSeen"), alive.toString());
          assertEquals(0, pager.received().size(), "no page while the Watchdog arrives: " + pager.received());
        } finally {
          prometheus.close();
        }

        JsonNode page = pager.await(p -> "firing".equals(p.path("status").asText()), LIMIT, "paging the missing heartbeat");
        assertEquals("pager", page.path("receiver").asText());
        JsonNode alert = page.path("alerts").get(0);
        assertEquals("HeartbeatMissing", alert.at("/labels/alertname").asText());
        assertEquals("prometheus-tta-production", alert.at("/labels/heartbeat").asText());
        assertEquals("P0", alert.at("/labels/priority").asText());
        assertTrue(alert.at("/annotations/summary").asText().startsWith("no heartbeat from prometheus-tta-production since "),
            alert.toString());
        assertEquals("missing", heartbeat(app).path("state").asText());

        try (RealPrometheus back = RealPrometheus.start(promConfig, dir)) {
          JsonNode resolved = pager.await(p -> "resolved".equals(p.path("status").asText()), LIMIT,
              "resolving the page when the Watchdog is back");
          assertEquals("HeartbeatMissing", resolved.path("alerts").get(0).at("/labels/alertname").asText());
          assertEquals(1, pager.received().stream().filter(p -> "firing".equals(p.path("status").asText())).count(),
              "paged once: " + pager.received());
        }
      } finally {
        prometheus.close();
      }
    }
  }

  @Test
  void promtoolPassesTheShippedWatchdogRuleTests() throws Exception {
    Path promtool = RealAlertmanager.binary("promtool");
    Process process = new ProcessBuilder(promtool.toString(), "test", "rules", "watchdog-test.yml")
        .directory(SHIPPED_RULE_TESTS.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool finished");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("SUCCESS"), output);
  }

  private JsonNode heartbeat(App app) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/heartbeats")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).at("/data/0");
  }

  /** Asks {@code ask} again, a tenth of a second apart, until {@code done} holds; the peers move on their own clocks. */
  private static JsonNode until(Question ask, java.util.function.Predicate<JsonNode> done, String what) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ask.ask();
      if (done.test(last)) {
        return last;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError(what + ": not within " + LIMIT + "; last answer " + last);
  }

  @FunctionalInterface
  private interface Question {
    JsonNode ask() throws Exception;
  }
}
