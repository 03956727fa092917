package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.persistence.HeldBackReader;
import dev.tta.alertrouter.persistence.Persistence;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server restarting on a SQLite store with 5,000 stored alerts whose read is held back:
 * intake answers 2xx before the alerts are read, a read of the alert list waits for them, and once
 * the read ends the pushed alerts are merged with the stored ones and reach the dispatcher's groups.
 */
class EarlyIntakeAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STORED = 5_000;

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private App app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void intakeAnswersBeforeTheStoredAlertsAreReadAndItsAlertsFollowThem() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Labels apiDown = Labels.of("alertname", "TTAServiceDown", "service", "api");
    Instant storedStart = now.minus(Duration.ofHours(1));
    Path data = dir.resolve("data");
    List<Alert> stored = new ArrayList<>(List.of(new Alert(apiDown, Map.of(), storedStart, null, "", now)));
    for (int i = 1; i < STORED; i++) {
      stored.add(new Alert(Labels.of("alertname", "Stored", "n", Integer.toString(i)), Map.of(), storedStart, null, "", now));
    }
    try (Persistence persistence = Persistence.open(data, Clock.systemUTC(), StaleAlertListener.IGNORE)) {
      persistence.alerts().upsertAll(stored);
    }
    Path config = Files.writeString(dir.resolve("am.yml"),
        "route: {receiver: team, group_by: [alertname], group_wait: 1h, group_interval: 1h}\nreceivers: [{name: team}]\n");
    HeldBackReader reader = new HeldBackReader();
    app = App.start(new AppOptions(config, Optional.empty(), "127.0.0.1", 0, data, true,
        URI.create("http://127.0.0.1:9095")), Clock.systemUTC(), Map.of(), reader);

    assertEquals(200, get("/-/ready").statusCode(), "ready as soon as intake is open");

    String push = "[{\"labels\": {\"alertname\": \"DiskFull\", \"instance\": \"db-1\"}, \"startsAt\": \"" + now + "\"},"
        + " {\"labels\": {\"alertname\": \"TTAServiceDown\", \"service\": \"api\"}, \"annotations\": {\"summary\": \"again\"},"
        + " \"startsAt\": \"" + now.minusSeconds(30) + "\"}]";
    HttpResponse<String> answered = post("/api/v2/alerts", push);
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("\"accepted\":2"), answered.body());
    // A read meanwhile waits for the stored alerts rather than answer without them.
    CompletableFuture<HttpResponse<String>> listedMeanwhile = client.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/alerts")).build(),
        HttpResponse.BodyHandlers.ofString());

    reader.release();

    JsonNode alerts = JSON.readTree(listedMeanwhile.get(30, TimeUnit.SECONDS).body()).get("data");
    assertEquals(STORED + 1, alerts.size());
    JsonNode merged = null;
    for (JsonNode alert : alerts) {
      if (alert.get("fingerprint").asText().equals(apiDown.fingerprint().toString())) {
        merged = alert;
      }
    }
    assertEquals(storedStart.toString(), merged.get("startsAt").asText(), "the stored start is kept");
    assertEquals("again", merged.get("annotations").get("summary").asText());

    awaitReplayed();
    Set<String> grouped = groupedFingerprints();
    assertTrue(grouped.contains(Labels.of("alertname", "DiskFull", "instance", "db-1").fingerprint().toString()),
        "the pushed alert reached the dispatcher");
    assertTrue(grouped.contains(apiDown.fingerprint().toString()));
    assertEquals(STORED + 1, grouped.size(), "every stored alert and the new one");
  }

  /**
   * The replay runs on the server's own thread once the read is released; the groups say when it
   * is done. (While the replay feeds a group it has no next flush yet, and {@code /api/v1/groups}
   * answers 500 then: an edge of the replay as it was, not of this change.)
   */
  private void awaitReplayed() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (groupedFingerprints().size() < STORED + 1) {
      assertTrue(System.nanoTime() < deadline, "the groups hold " + groupedFingerprints().size() + " alerts");
      Thread.onSpinWait();
    }
  }

  private Set<String> groupedFingerprints() throws IOException, InterruptedException {
    Set<String> grouped = new HashSet<>();
    HttpResponse<String> groups = get("/api/v1/groups");
    if (groups.statusCode() == 200) {
      JSON.readTree(groups.body()).forEach(g -> g.get("alerts").forEach(a -> grouped.add(a.get("fingerprint").asText())));
    }
    return grouped;
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
