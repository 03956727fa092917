package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.http.v2.V2Api;
import dev.tta.alertrouter.http.v2.V2ConfigView;
import dev.tta.alertrouter.http.v2.V2StatusFacts;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.query.AlertJudge;
import dev.tta.alertrouter.query.AlertQueries;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A silence's author is the request's authenticated identity (the request attribute the
 * authentication layer sets) when there is one, whatever the body says, in v1 and v2 alike; the
 * body's {@code createdBy} otherwise.
 */
class SilenceAuthorHttpTest {
  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V2_BODY = "{\"matchers\":[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}],"
      + "\"startsAt\":\"2026-12-03T12:00:00Z\",\"endsAt\":\"2026-12-03T13:00:00Z\",\"createdBy\":\"body\",\"comment\":\"c\"}";

  private final ManualClock clock = new ManualClock(T0);
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    AlertQueries queries = new AlertQueries(new InMemoryAlertStore(clock, (a, b) -> {}),
        AlertJudge::none, List::of, clock);
    V2ConfigView view = new V2ConfigView() {
      @Override
      public String maskedYaml() {
        return "";
      }

      @Override
      public List<String> receiverNames() {
        return List.of();
      }
    };
    V2Api v2 = new V2Api(queries, silences, () -> view,
        () -> new V2StatusFacts("r", List.of(), T0, new V2StatusFacts.VersionInfo("v", "r", "b", "u", "d", "g")), clock);
    server = Javalin.create(config -> {
      // Stands in for the authentication layer: it leaves the identity in the request attribute.
      config.routes.before(ctx -> {
        String who = ctx.header("X-Test-Identity");
        if (who != null) {
          ctx.attribute(RequestIdentity.ATTRIBUTE, who);
        }
      });
      new SilenceHandlers(silences, clock).register(config, UnaryOperator.identity(), RequestIdentity::of);
      v2.register(config, UnaryOperator.identity(), RequestIdentity::of);
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private JsonNode post(String path, String body, String identity) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (identity != null) {
      b.header("X-Test-Identity", identity);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private String author(String id) {
    return silences.get(id).orElseThrow().createdBy();
  }

  @Test
  void v2TakesTheIdentityOverTheBody() throws Exception {
    assertEquals("alice", author(post("/api/v2/silences", V2_BODY, "alice").path("silenceID").asText()));
    assertEquals("body", author(post("/api/v2/silences", V2_BODY, null).path("silenceID").asText()));
    // With an identity the body may leave createdBy out.
    String noAuthor = V2_BODY.replace(",\"createdBy\":\"body\"", "");
    assertEquals("bob", author(post("/api/v2/silences", noAuthor, "bob").path("silenceID").asText()));
  }

  @Test
  void v1TakesTheIdentityOverTheBody() throws Exception {
    assertEquals("alice", author(post("/api/v1/silences", V2_BODY, "alice").path("data").path("silenceID").asText()));
    assertEquals("body", author(post("/api/v1/silences", V2_BODY, null).path("data").path("silenceID").asText()));
  }
}
