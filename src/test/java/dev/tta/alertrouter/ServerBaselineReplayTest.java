package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.cli.RootCommand;
import dev.tta.alertrouter.config.MaskedSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code GET /api/v1/config/sources} and {@code replay --url} without {@code --baseline}: the server's
 * own configuration is the baseline, and none of its secrets leaves the server.
 */
class ServerBaselineReplayTest {
  static final String ADMIN_TOKEN = "adm1n-t0ken-5e1f";
  static final String VIEWER_TOKEN = "v1ewer-t0ken-88b0";
  static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/slacksecret42";
  static final String PD_KEY = "pagerdutykey0123456789abcdef0123";
  static final String WEBHOOK_URL = "https://hooks.example.com/db?token=webhooksecret77";
  static final String BEARER_IN_FILE = "bearer-from-a-file-31337";
  static final String ENV_KEY = "opsgenie-from-env-4242";
  static final List<String> SECRETS = List.of(ADMIN_TOKEN, VIEWER_TOKEN, SLACK_URL, "slacksecret42", PD_KEY,
      WEBHOOK_URL, "webhooksecret77", BEARER_IN_FILE, ENV_KEY);

  @TempDir Path dir;
  final HttpClient client = HttpClient.newHttpClient();

  /**
   * A configuration folder of two files, with secrets inline, from a file and from the environment;
   * {@code withAuth}: API tokens for an admin and a viewer.
   */
  Path serverConfig(boolean withAuth) throws Exception {
    Path config = Files.createDirectories(dir.resolve("server-config"));
    Files.writeString(dir.resolve("bearer"), BEARER_IN_FILE);
    Files.writeString(config.resolve("routes.yml"), """
        route:
          receiver: web
          group_wait: 0s
          routes:
            - {matchers: ['team="db"'], receiver: db}
        """ + (withAuth ? """
        server:
          auth:
            tokens:
              - {name: ci, token: '%s', role: admin}
              - {name: grafana, token: '%s', role: viewer}
        """.formatted(ADMIN_TOKEN, VIEWER_TOKEN) : ""));
    Files.createDirectories(config.resolve("receivers"));
    Files.writeString(config.resolve("receivers").resolve("all.yml"), """
        receivers:
          - name: web
            slack_configs: [{api_url: '%s', channel: '#web'}]
            opsgenie_configs: [{api_key: '${OPSGENIE_KEY}'}]
          - name: db
            pagerduty_configs: [{routing_key: '%s'}]
            webhook_configs:
              - url: '%s'
                http_config: {bearer_token_file: '%s'}
        """.formatted(SLACK_URL, PD_KEY, WEBHOOK_URL, dir.resolve("bearer")));
    return config;
  }

  App start(Path config) throws Exception {
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    return App.start(options, Clock.systemUTC(), Map.of("OPSGENIE_KEY", ENV_KEY));
  }

  HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSourcesAreServedToAdminsWithEverySecretMaskedAndStillLoad() throws Exception {
    try (App app = start(serverConfig(true))) {
      String url = "http://127.0.0.1:" + app.port() + "/api/v1/config/sources";
      assertEquals(401, get(url, null).statusCode());
      assertEquals(403, get(url, VIEWER_TOKEN).statusCode());
      HttpResponse<String> r = get(url, ADMIN_TOKEN);
      assertEquals(200, r.statusCode(), r.body());
      for (String secret : SECRETS) {
        assertFalse(r.body().contains(secret), "the sources hold " + secret);
      }
      assertFalse(r.body().contains(dir.resolve("bearer").toString()), "a *_file path on the server is not needed");
      JsonNode files = new ObjectMapper().readTree(r.body()).path("data").path("files");
      assertEquals(List.of("receivers/all.yml", "routes.yml"), fieldNames(files));
      String receivers = files.get("receivers/all.yml").asText();
      assertTrue(receivers.contains("api_url: " + MaskedSources.PLACEHOLDER_URL), receivers);
      assertTrue(receivers.contains("url: " + MaskedSources.PLACEHOLDER_URL), receivers);
      assertTrue(receivers.contains("bearer_token: " + MaskedSources.PLACEHOLDER), receivers);
      assertTrue(receivers.contains("channel: '#web'") || receivers.contains("channel: \"#web\""), "the rest stays: " + receivers);

      Path copy = Files.createDirectories(dir.resolve("copy/receivers"));
      Files.writeString(copy.resolve("all.yml"), receivers);
      Files.writeString(copy.getParent().resolve("routes.yml"), files.get("routes.yml").asText());
      Replayer.load(copy.getParent(), Map.of()); // loads without the server's environment or files
    }
  }

  @Test
  void replayWithoutBaselineComparesACandidateWithTheServersOwnConfiguration() throws Exception {
    Path config = serverConfig(false); // replay reads its token from the environment, which a test cannot set
    Path unchanged = dir.resolve("unchanged");
    Path moved = dir.resolve("moved");
    for (Path candidate : List.of(unchanged, moved)) {
      Files.createDirectories(candidate.resolve("receivers"));
      Files.copy(config.resolve("receivers/all.yml"), candidate.resolve("receivers/all.yml"));
      String routes = Files.readString(config.resolve("routes.yml"));
      Files.writeString(candidate.resolve("routes.yml"), candidate == moved ? routes.replace("receiver: db}", "receiver: web}") : routes);
    }
    try (App app = start(config)) {
      String base = "http://127.0.0.1:" + app.port();
      HttpResponse<String> intake = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "[{\"labels\":{\"alertname\":\"A\",\"team\":\"db\"}},{\"labels\":{\"alertname\":\"B\",\"team\":\"web\"}}]"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, intake.statusCode(), intake.body());

      Run same = replay(base, unchanged);
      assertEquals(0, same.exit(), same.err());
      assertTrue(same.out().contains("no difference") || same.out().contains("0 changed"), same.out());

      Run changed = replay(base, moved);
      assertEquals(1, changed.exit(), changed.err());
      assertTrue(changed.out().contains("receivers: db -> web"), changed.out());
      assertTrue(changed.out().contains("2 alerts, 1 changed"), changed.out());
    }
  }

  @Test
  void withACaptureFileTheBaselineMustBeGiven() throws Exception {
    Path capture = Files.writeString(dir.resolve("capture.ndjson"), "");
    Run run = run("replay", "--config", serverConfig(false).toString(), "--capture", capture.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--baseline"), run.err());
  }

  record Run(int exit, String out, String err) {}

  /** {@code replay} as CI runs it on a pull request. */
  Run replay(String base, Path candidate) {
    return run("replay", "--config", candidate.toString(), "--url", base, "--expect-no-change");
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
