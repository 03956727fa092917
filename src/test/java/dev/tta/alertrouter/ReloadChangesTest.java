package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.http.ReloadOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload says what it changed: in the log, and at GET /api/v1/config/changes. */
class ReloadChangesTest {
  static final String CONFIG = """
      route:
        receiver: a
        routes:
          - matchers: ['team="db"']
            receiver: b
      receivers:
        - name: a
        - name: b
          pagerduty_configs: [{routing_key: 'pd-key-0000-old'}]
      """;

  @TempDir Path dir;

  @Test
  void theLastReloadsChangesAreServedWithSecretsMasked() throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), CONFIG);
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    HttpClient client = HttpClient.newHttpClient();
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      URI changes = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/config/changes");
      String before = client.send(HttpRequest.newBuilder(changes).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertEquals("{\"status\":\"success\",\"data\":null}", before);

      Files.writeString(config, CONFIG.replace("receiver: b", "receiver: a").replace("pd-key-0000-old", "pd-key-1111-new"));
      assertEquals(ReloadOutcome.success(), app.reload());
      String body = client.send(HttpRequest.newBuilder(changes).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertFalse(body.contains("pd-key"), body);
      JsonNode list = new ObjectMapper().readTree(body).get("data").get("changes");
      assertEquals(2, list.size(), body);
      assertEquals("route", list.get(0).get("section").asText());
      assertEquals("{}/{team=\"db\"}", list.get(0).get("name").asText());
      assertTrue(list.get(0).get("location").asText().endsWith("am.yml:4"), body);
      assertEquals("receiver: b -> a", list.get(0).get("details").get(0).asText());
      assertEquals("pagerDutyConfigs[0].routingKey: secret changed", list.get(1).get("details").get(0).asText());
    }
  }
}
