package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list, the alert page and the routes test name what mutes an alert now: an inhibiting alert, a time interval. */
class UiMutingHttpTest {
  @TempDir Path dir;

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void anInhibitedAlertNamesTheAlertThatInhibitsIt() {
    try (UiFixtureServer server = new UiFixtureServer(dir.resolve("data")).feed()) {
      assertEquals(200, server.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"TTAHighLatency\",\"service\":\"api\","
          + "\"environment\":\"production\",\"severity\":\"warning\",\"team\":\"platform\"},"
          + "\"startsAt\":\"2026-11-24T19:09:00Z\"}]").statusCode());
      String latency = Labels.of("alertname", "TTAHighLatency", "service", "api", "environment", "production",
          "severity", "warning", "team", "platform").fingerprint().toString();
      String list = server.get("/alerts?state=inhibited").body();
      assertTrue(list.contains(latency), list);
      assertTrue(list.contains("inhibited by " + UiFixtureServer.SERVICE_DOWN), list);
      String page = server.get("/alerts/" + latency).body();
      assertTrue(page.contains("href=\"/alerts/" + UiFixtureServer.SERVICE_DOWN + "\""), "links the inhibiting alert");
      String routes = server.get("/routes?labels=" + q("alertname=TTAHighLatency service=api environment=production")).body();
      assertTrue(routes.contains("inhibited by " + UiFixtureServer.SERVICE_DOWN), routes);
      assertTrue(routes.contains("id=\"test-muted\">yes<"));
    }
  }

  @Test
  void anAlertOnARouteInsideItsMuteIntervalIsMuted() throws Exception {
    Path config = dir.resolve("rules.yml");
    Files.writeString(config, """
        route:
          receiver: default
          group_by: [alertname]
          routes:
            - matchers: ['team="night"']
              receiver: night
              mute_time_intervals: [always]
        receivers:
          - name: default
          - name: night
        time_intervals:
          - name: always
            time_intervals:
              - weekdays: ['sunday:saturday']
        """);
    try (UiFixtureServer server = new UiFixtureServer(dir.resolve("data"), config)) {
      assertEquals(200, server.post("/api/v2/alerts",
          "[{\"labels\":{\"alertname\":\"Batch\",\"team\":\"night\"},\"startsAt\":\"2026-11-24T19:09:00Z\"}]").statusCode());
      String list = server.get("/alerts?state=muted").body();
      assertTrue(list.contains("inside mute_time_intervals always of the route to night"), list);
      String routes = server.get("/routes?labels=" + q("alertname=Batch team=night")).body();
      assertTrue(routes.contains("mute always"), "the tree shows the route's mute interval");
      assertTrue(routes.contains("id=\"test-receivers\">night<"), routes);
      assertTrue(routes.contains("id=\"test-muted\">yes<"));
    }
  }
}
