package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.SilenceReferences;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v1 silence API's extension: {@code recurrence} (time_intervals names) and {@code owner} (a
 * receiver), checked against the configuration, read back, and muting only inside the recurrence.
 */
class RecurringSilenceHttpTest {
  /** A Saturday. */
  private static final Instant T0 = Instant.parse("2027-03-20T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  private final HttpClient client = HttpClient.newHttpClient();
  private RouterConfig config;
  private Javalin server;

  @BeforeEach
  void start() throws Exception {
    Path file = Files.writeString(dir.resolve("am.yml"), """
        route: {receiver: default}
        receivers: [{name: default}, {name: db-team}]
        time_intervals:
          - name: weekend
            time_intervals: [{weekdays: [saturday, sunday], location: Europe/Berlin}]
        """);
    config = new ConfigLoader(Map.of()).load(file).config();
    SilenceHandlers handlers = new SilenceHandlers(silences, clock, draft -> SilenceReferences.problems(draft, config));
    server = Javalin.create(handlers::register).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String extra) {
    return "{\"matchers\":[\"service=\\\"db\\\"\"],\"startsAt\":\"2027-03-20T10:00:00Z\","
        + "\"endsAt\":\"2027-04-20T10:00:00Z\",\"createdBy\":\"alice\",\"comment\":\"weekend patching\"" + extra + "}";
  }

  @Test
  void aRecurringOwnedSilenceIsStoredReadBackAndMutesOnlyInsideItsIntervals() throws Exception {
    HttpResponse<String> posted = send("POST", "/api/v1/silences",
        body(",\"recurrence\":[\"weekend\"],\"owner\":\"db-team\""));
    assertEquals(200, posted.statusCode(), posted.body());
    String id = JSON.readTree(posted.body()).at("/data/silenceID").asText();

    JsonNode read = JSON.readTree(send("GET", "/api/v1/silences/" + id, null).body()).get("data");
    assertEquals("[\"weekend\"]", read.get("recurrence").toString());
    assertEquals("db-team", read.get("owner").asText());

    TimeIntervals intervals = new TimeIntervals(config.timeIntervals().values());
    Labels db = Labels.of("alertname", "DbDown", "service", "db");
    assertEquals(List.of(id), silences.mutes(db, T0, intervals), "Saturday");
    assertEquals(List.of(), silences.mutes(db, Instant.parse("2027-03-22T10:00:00Z"), intervals), "Monday");
    assertEquals(List.of(), silences.mutes(db, Instant.parse("2027-03-21T23:30:00Z"), intervals),
        "Sunday 23:30 UTC is Monday 00:30 in Berlin (CET)");
    assertEquals(List.of(), silences.mutes(db, T0, TimeIntervals.none()),
        "an interval the configuration no longer defines mutes nothing");
  }

  @Test
  void unknownIntervalsAndReceiversAndBadShapesAreRefusedNamingEach() throws Exception {
    HttpResponse<String> unknown = send("POST", "/api/v1/silences",
        body(",\"recurrence\":[\"weekend\",\"holidays\"],\"owner\":\"nobody\""));
    assertEquals(400, unknown.statusCode());
    assertEquals("[\"recurrence: time interval \\\"holidays\\\" is not defined (known: weekend)\","
        + "\"owner: receiver \\\"nobody\\\" is not defined\"]", JSON.readTree(unknown.body()).get("errors").toString());

    HttpResponse<String> shape = send("POST", "/api/v1/silences", body(",\"recurrence\":7,\"owner\":[]"));
    assertEquals(400, shape.statusCode());
    assertEquals("[\"recurrence must be a time_intervals name or an array of them\",\"owner must be a string\"]",
        JSON.readTree(shape.body()).get("errors").toString());
    assertEquals(List.of(), silences.list(), "nothing stored");
  }
}
