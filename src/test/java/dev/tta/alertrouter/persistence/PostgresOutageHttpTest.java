package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a shared PostgreSQL that goes away and comes back, seen over HTTP: intake and
 * silences answer 503 with a JSON body, {@code /-/ready} answers 503 naming the store, the metrics
 * show the store down and one outage; once the database is back the server is ready again and
 * takes alerts, and the database holds what was acknowledged, before and after.
 */
@ExtendWith(PostgresExtension.class)
class PostgresOutageHttpTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void duringAnOutageIntakeAndReadinessAnswer503AndTheOutageIsCountedOnce(PostgresServer server) throws Exception {
    String url = server.newDatabase("outage_http");
    Path rules = Files.writeString(dir.resolve("router.yml"), "route: {receiver: team}\nreceivers: [{name: team}]\n");
    try (TcpProxy database = TcpProxy.to(server.hostAndPort())) {
      AppOptions options = new AppOptions(rules, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
          URI.create("http://127.0.0.1:9095"), LogFormat.TEXT, 100,
          Optional.of(PostgresServer.via(url, database.hostAndPort())), "replica-a");
      try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
        String base = "http://127.0.0.1:" + app.port();
        assertEquals(200, postAlert(base, "BeforeOutage").statusCode());
        assertEquals(200, get(base + "/-/ready").statusCode());

        database.cut();
        HttpResponse<String> refused = postAlert(base, "DuringOutage");
        assertEquals(503, refused.statusCode(), refused.body());
        new ObjectMapper().readTree(refused.body()); // JSON, as Alertmanager's v2 API answers
        assertTrue(refused.body().contains("retry later"), refused.body());
        HttpResponse<String> ready = get(base + "/-/ready");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("unreachable"), ready.body());
        HttpResponse<String> silence = post(base + "/api/v2/silences", """
            {"matchers": [{"name": "alertname", "value": "DuringOutage", "isRegex": false}],
             "startsAt": "%s", "endsAt": "%s", "createdBy": "test", "comment": "outage"}"""
            .formatted(Instant.now(), Instant.now().plus(Duration.ofHours(1))));
        assertEquals(503, silence.statusCode(), silence.body());
        String metrics = get(base + "/metrics").body();
        assertTrue(metrics.contains("\nalertrouter_store_up 0.0\n") || metrics.contains("\nalertrouter_store_up 0\n"), metrics);
        assertTrue(metrics.contains("\nalertrouter_store_unavailable_total 1"), metrics);

        database.restore();
        awaitReady(base);
        assertEquals(200, postAlert(base, "AfterOutage").statusCode());
        String after = get(base + "/metrics").body();
        assertTrue(after.contains("\nalertrouter_store_up 1"), after);
        assertTrue(after.contains("\nalertrouter_store_unavailable_total 1"), "one outage, however many refusals: " + after);
      }
    }
    try (Persistence checker = Persistence.openJdbc(url, "checker", new ManualClock(Instant.now()), StaleAlertListener.IGNORE)) {
      assertEquals(List.of("AfterOutage", "BeforeOutage"),
          checker.alerts().list(List.of()).stream().map(Alert::name).sorted().toList());
    }
  }

  private void awaitReady(String base) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    while (get(base + "/-/ready").statusCode() != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not ready again within " + LIMIT + " of the database's return");
      }
      Thread.onSpinWait();
    }
  }

  private HttpResponse<String> postAlert(String base, String name) throws Exception {
    return post(base + "/api/v2/alerts", "[{\"labels\": {\"alertname\": \"" + name + "\"}}]");
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
