package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v2/status} of a replica sharing PostgreSQL names the peers holding group leases. */
class PostgresStatusPeersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = """
      route:
        receiver: default
        group_by: [alertname]
        group_wait: 0s
      receivers:
        - name: default
      """;

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  private App replica(String url, String name) throws Exception {
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, CONFIG);
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data-" + name), true,
        URI.create("http://127.0.0.1:9095"), LogFormat.TEXT, ExplainRecorder.DEFAULT_CAPACITY, Optional.of(url), name);
    return App.start(options, Clock.systemUTC(), Map.of());
  }

  private List<String> peers(App app) throws Exception {
    JsonNode status = JSON.readTree(client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/v2/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
    List<String> names = new ArrayList<>();
    status.path("cluster").path("peers").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  @Test
  void peersHoldingLeasesAreListed() throws Exception {
    try (PostgresServer pg = PostgresServer.start()) {
      String url = pg.newDatabase("status_peers");
      try (App a = replica(url, "replica-a"); App b = replica(url, "replica-b")) {
        assertEquals(List.of("replica-b"), peers(b));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/api/v2/alerts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"A\"}}]")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        // group_wait 0s: replica A flushes at once and takes the group's lease; wait (bounded) for it.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!peers(b).contains("replica-a") && System.nanoTime() < deadline) {
          Thread.sleep(100); // the flush runs on A's dispatcher thread
        }
        assertEquals(List.of("replica-a", "replica-b"), peers(b));
      }
    }
  }
}
