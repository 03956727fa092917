package dev.tta.alertrouter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Alertmanager 0.25 forwards every alert at once (group_by '...', as deploy/ ships it);
 * alert-router regroups them, inhibits, and notifies a loopback webhook peer.
 */
class RealAlertmanagerToRouterTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void routerGroupsAndInhibitsWhatAlertmanagerForwards() throws Exception {
    try (WebhookSink sink = new WebhookSink()) {
      Path rules = Files.writeString(dir.resolve("router.yml"), """
          route:
            receiver: sink
            group_by: [alertname, service]
            group_wait: 1s
            group_interval: 1s
            repeat_interval: 1h
          inhibit_rules:
            - source_matchers: ['alertname="TTAServiceDown"']
              target_matchers: ['alertname="TTAHighLatency"']
              equal: [service]
          receivers:
            - name: sink
              webhook_configs:
                - url: %s
                  send_resolved: true
          """.formatted(sink.url("/hook")));
      AppOptions options = new AppOptions(rules, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
          URI.create("http://127.0.0.1:9095"));
      try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
        Path amConfig = Files.writeString(dir.resolve("alertmanager.yml"), """
            route:
              receiver: router
              group_by: ['...']
              group_wait: 0s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: router
                webhook_configs:
                  - url: http://127.0.0.1:%d/api/v1/alertmanager
                    send_resolved: true
                    max_alerts: 0
            """.formatted(app.port()));
        try (RealAlertmanager am = RealAlertmanager.start(amConfig, dir)) {
          String now = Instant.now().toString();
          String alerts = """
              [
               {"labels": {"alertname": "TTAServiceDown", "service": "api", "severity": "critical"}, "startsAt": "%1$s"},
               {"labels": {"alertname": "TTAHighLatency", "service": "api", "severity": "warning"}, "startsAt": "%1$s"},
               {"labels": {"alertname": "TTAHighLatency", "service": "web", "severity": "warning"}, "startsAt": "%1$s"},
               {"labels": {"alertname": "TTAHighErrorRate", "service": "api", "instance": "pod-1"}, "startsAt": "%1$s"},
               {"labels": {"alertname": "TTAHighErrorRate", "service": "api", "instance": "pod-2"}, "startsAt": "%1$s"}
              ]""".formatted(now);
          HttpResponse<String> posted = HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + am.port() + "/api/v2/alerts"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(alerts)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertEquals(200, posted.statusCode(), posted.body());

          // Alertmanager sends each alert on its own; the router puts the two pods in one group.
          JsonNode errorRate = sink.await(n -> group(n, "TTAHighErrorRate", "api") && n.get("alerts").size() == 2,
              LIMIT, "with both TTAHighErrorRate pods");
          assertEquals(Set.of("pod-1", "pod-2"), labelValues(errorRate, "instance"));
          assertEquals("{}:{alertname=\"TTAHighErrorRate\", service=\"api\"}", errorRate.get("groupKey").asText());

          sink.await(n -> group(n, "TTAServiceDown", "api"), LIMIT, "for TTAServiceDown");
          sink.await(n -> group(n, "TTAHighLatency", "web"), LIMIT, "for TTAHighLatency on web");
          // Latency on api flushed with its siblings, but its service is down: inhibited, never sent.
          for (JsonNode n : sink.received()) {
            assertTrue(!group(n, "TTAHighLatency", "api"), "inhibited alert was notified: " + n);
          }
          // ...though the router holds it in its group, so it is notified once the source resolves.
          assertTrue(get(app, "/api/v1/groups").contains("{alertname=\\\"TTAHighLatency\\\", service=\\\"api\\\"}"));
        }
      }
    }
  }

  private static boolean group(JsonNode payload, String alertname, String service) {
    JsonNode g = payload.get("groupLabels");
    return alertname.equals(g.path("alertname").asText()) && service.equals(g.path("service").asText());
  }

  private static Set<String> labelValues(JsonNode payload, String label) {
    Set<String> values = new TreeSet<>();
    payload.get("alerts").forEach(a -> values.add(a.get("labels").get(label).asText()));
    return values;
  }

  private static String get(App app, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
