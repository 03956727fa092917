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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server, stopped and started again on the same --data: it neither notifies again what
 * it already sent (before repeat_interval) nor forgets the firing alert whose resolve comes later.
 */
class RestartTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String FIRING = """
      [{"labels": {"alertname": "TTAServiceDown", "service": "api"}, "startsAt": "2026-01-01T00:00:00Z",
        "endsAt": "2099-01-01T00:00:00Z"}]""";
  private static final String RESOLVED = """
      [{"labels": {"alertname": "TTAServiceDown", "service": "api"}, "startsAt": "2026-01-01T00:00:00Z",
        "endsAt": "2026-01-01T01:00:00Z"}]""";

  @TempDir Path dir;

  @Test
  void aRestartNeitherRepeatsANotificationNorForgetsTheResolve() throws Exception {
    try (WebhookSink sink = new WebhookSink()) {
      Path rules = sink.writeRules(dir.resolve("router.yml"));
      AppOptions options = new AppOptions(rules, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
          URI.create("http://127.0.0.1:9095"));

      try (App first = App.start(options, Clock.systemUTC(), Map.of())) {
        assertEquals(200, post(first, FIRING).statusCode());
        sink.await(n -> "firing".equals(n.get("status").asText()), LIMIT, "firing");
      }
      assertEquals(1, sink.received().size());

      try (App second = App.start(options, Clock.systemUTC(), Map.of())) {
        // The stored alert is back in its group, which flushes at once (it started long ago); the
        // persisted notification log tells the dedup stage it was sent: nothing goes out.
        awaitMetric(second, "alertrouter_duplicates_suppressed_total{stage=\"notification_log\"} 1.0");
        assertEquals(1, sink.received().size(), "no repeat before repeat_interval: " + sink.received());

        assertEquals(200, post(second, RESOLVED).statusCode());
        JsonNode resolved = sink.await(n -> "resolved".equals(n.get("status").asText()), LIMIT, "resolved");
        assertEquals("TTAServiceDown", resolved.get("alerts").get(0).get("labels").get("alertname").asText());
        assertTrue(sink.received().size() == 2, sink.received().toString());
      }
    }
  }

  private static HttpResponse<String> post(App app, String body) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v2/alerts"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitMetric(App app, String sample) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT.toSeconds());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build();
    String metrics = client.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
    while (!metrics.contains(sample)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + sample + " within " + LIMIT + ":\n" + metrics);
      }
      Thread.onSpinWait();
      metrics = client.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
