package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SilenceHandlersTest {
  private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(T0);
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin server;
  private String base;

  @BeforeEach
  void start() {
    SilenceHandlers handlers = new SilenceHandlers(silences, clock);
    server = Javalin.create(handlers::register).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private record Reply(int status, JsonNode body, String contentType) {}

  private Reply send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, publisher)
        .header("Content-Type", "application/json")
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  private static String silenceBody(String matchers, String startsAt, String endsAt) {
    return "{\"matchers\":" + matchers + ",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt
        + "\",\"createdBy\":\"alice\",\"comment\":\"deploy of api\"}";
  }

  private String create(String matchers, String startsAt, String endsAt) throws Exception {
    Reply reply = send("POST", "/api/v1/silences", silenceBody(matchers, startsAt, endsAt));
    assertEquals(200, reply.status(), reply.body().toString());
    return reply.body().at("/data/silenceID").asText();
  }

  private static List<String> errors(Reply reply) {
    assertEquals("error", reply.body().get("status").asText());
    List<String> errors = new ArrayList<>();
    reply.body().get("errors").forEach(e -> errors.add(e.asText()));
    return errors;
  }

  @Test
  void postedSilenceIsReadBackAsAlertmanagerShowsIt() throws Exception {
    String id = create("[{\"name\":\"service\",\"value\":\"api\",\"isRegex\":false,\"isEqual\":true},"
        + "{\"name\":\"env\",\"value\":\"stag.*\",\"isRegex\":true,\"isEqual\":false}]",
        "2024-05-06T09:00:00Z", "2024-05-06T14:00:00+02:00");

    Reply reply = send("GET", "/api/v1/silences/" + id, null);

    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    JsonNode s = reply.body().get("data");
    assertEquals(id, s.get("id").asText());
    assertEquals("active", s.at("/status/state").asText());
    assertEquals("2024-05-06T10:00:00Z", s.get("startsAt").asText(), "a start in the past becomes now");
    assertEquals("2024-05-06T12:00:00Z", s.get("endsAt").asText());
    assertEquals("2024-05-06T10:00:00Z", s.get("updatedAt").asText());
    assertEquals("alice", s.get("createdBy").asText());
    assertEquals("deploy of api", s.get("comment").asText());
    assertEquals(JSON.readTree("[{\"name\":\"service\",\"value\":\"api\",\"isRegex\":false,\"isEqual\":true},"
        + "{\"name\":\"env\",\"value\":\"stag.*\",\"isRegex\":true,\"isEqual\":false}]"), s.get("matchers"));
    assertEquals(List.of(id), silences.mutes(Labels.of("service", "api", "env", "prod"), T0, TimeIntervals.none()));
    assertEquals(List.of(), silences.mutes(Labels.of("service", "api", "env", "staging"), T0, TimeIntervals.none()));
  }

  @Test
  void matchersMayBeGivenAsStringsAndIsEqualDefaultsToTrue() throws Exception {
    String id = create("[\"team=\\\"platform\\\"\", {\"name\":\"severity\",\"value\":\"critical|warning\",\"isRegex\":true}]",
        "2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");

    assertEquals(List.of(id), silences.mutes(Labels.of("team", "platform", "severity", "warning"), T0, TimeIntervals.none()));
    assertEquals(List.of(), silences.mutes(Labels.of("team", "platform", "severity", "info"), T0, TimeIntervals.none()));
  }

  @Test
  void listingFiltersByState() throws Exception {
    String active = create("[\"a=\\\"1\\\"\"]", "2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
    String pending = create("[\"a=\\\"2\\\"\"]", "2024-05-06T10:30:00Z", "2024-05-06T11:00:00Z");

    Reply all = send("GET", "/api/v1/silences", null);
    Reply onlyPending = send("GET", "/api/v1/silences?state=pending", null);

    assertEquals(200, all.status());
    assertEquals("success", all.body().get("status").asText());
    assertEquals(List.of(active, pending), ids(all));
    assertEquals(List.of(pending), ids(onlyPending));
    assertEquals("pending", onlyPending.body().at("/data/0/status/state").asText());
  }

  @Test
  void unknownStateFilterIsABadRequest() throws Exception {
    Reply reply = send("GET", "/api/v1/silences?state=muted", null);

    assertEquals(400, reply.status());
    assertEquals(List.of("state: unknown silence state \"muted\": expected pending, active or expired"), errors(reply));
  }

  @Test
  void invalidSilenceIsRefusedNamingEveryProblem() throws Exception {
    Reply reply = send("POST", "/api/v1/silences",
        "{\"matchers\":[{\"name\":\"team\",\"value\":\"(\",\"isRegex\":true}, {\"value\":\"x\"}, 42],"
            + "\"startsAt\":\"yesterday\",\"endsAt\":\"2024-05-06T09:00:00Z\",\"comment\":7}");

    assertEquals(400, reply.status());
    List<String> errors = errors(reply);
    assertEquals(5, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("matchers[0]: invalid regular expression \"(\""), errors.get(0));
    assertEquals("matchers[1].name is required and must be a string", errors.get(1));
    assertEquals("matchers[2] must be an object or a string such as team=\"platform\"", errors.get(2));
    assertEquals("startsAt must be an RFC 3339 time such as 2024-05-01T12:00:00Z, got \"yesterday\"", errors.get(3));
    assertEquals("comment must be a string", errors.get(4));
    assertEquals(List.of(), silences.list());
  }

  @Test
  void semanticProblemsAreNamedToo() throws Exception {
    Reply reply = send("POST", "/api/v1/silences",
        "{\"matchers\":[\"team=~\\\".*\\\"\"],\"startsAt\":\"2024-05-06T08:00:00Z\",\"endsAt\":\"2024-05-06T09:00:00Z\"}");

    assertEquals(400, reply.status());
    assertEquals(List.of(
        "matchers: at least one matcher must not match the empty string",
        "endsAt must be in the future",
        "createdBy is required",
        "comment is required"), errors(reply));
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    Reply notJson = send("POST", "/api/v1/silences", "{\"matchers\": [");
    Reply notObject = send("POST", "/api/v1/silences", "[1, 2]");

    assertEquals(400, notJson.status());
    assertTrue(errors(notJson).get(0).startsWith("body is not valid JSON"), errors(notJson).toString());
    assertEquals(400, notObject.status());
    assertEquals(List.of("body must be a JSON object"), errors(notObject));
  }

  @Test
  void postingWithAnExistingIdUpdatesIt() throws Exception {
    String id = create("[\"a=\\\"1\\\"\"]", "2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
    clock.advance(Duration.ofMinutes(1));

    Reply reply = send("POST", "/api/v1/silences", "{\"id\":\"" + id + "\",\"matchers\":[\"a=\\\"1\\\"\"],"
        + "\"startsAt\":\"2024-05-06T10:00:00Z\",\"endsAt\":\"2024-05-06T13:00:00Z\",\"createdBy\":\"bob\",\"comment\":\"longer\"}");

    assertEquals(200, reply.status());
    assertEquals(id, reply.body().at("/data/silenceID").asText());
    assertEquals("2024-05-06T13:00:00Z", silences.get(id).orElseThrow().endsAt().toString());
  }

  @Test
  void postingWithAnUnknownIdIsNotFound() throws Exception {
    Reply reply = send("POST", "/api/v1/silences", "{\"id\":\"0b1c\",\"matchers\":[\"a=\\\"1\\\"\"],"
        + "\"startsAt\":\"2024-05-06T10:00:00Z\",\"endsAt\":\"2024-05-06T13:00:00Z\",\"createdBy\":\"bob\",\"comment\":\"c\"}");

    assertEquals(404, reply.status());
    assertEquals(List.of("silence 0b1c not found"), errors(reply));
  }

  @Test
  void deleteExpiresTheSilenceOnce() throws Exception {
    String id = create("[\"a=\\\"1\\\"\"]", "2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
    clock.advance(Duration.ofMinutes(5));

    Reply deleted = send("DELETE", "/api/v1/silences/" + id, null);

    assertEquals(200, deleted.status());
    assertEquals("expired", deleted.body().at("/data/status/state").asText());
    assertEquals("2024-05-06T10:05:00Z", deleted.body().at("/data/endsAt").asText());
    assertEquals("expired", send("GET", "/api/v1/silences/" + id, null).body().at("/data/status/state").asText());

    Reply again = send("DELETE", "/api/v1/silences/" + id, null);
    assertEquals(400, again.status());
    assertEquals(List.of("silence " + id + " has already expired"), errors(again));
  }

  @Test
  void unknownIdsAreNotFound() throws Exception {
    Reply get = send("GET", "/api/v1/silences/nope", null);
    Reply delete = send("DELETE", "/api/v1/silences/nope", null);

    assertEquals(404, get.status());
    assertEquals(List.of("silence nope not found"), errors(get));
    assertEquals(404, delete.status());
    assertEquals(List.of("silence nope not found"), errors(delete));
  }

  private static List<String> ids(Reply reply) {
    List<String> ids = new ArrayList<>();
    reply.body().get("data").forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }
}
