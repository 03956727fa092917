package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.cli.RootCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** server.capture in a running server: both intake endpoints kept, served to admins, exported offline, no secret. */
class CaptureServerTest {
  static final String INTAKE_TOKEN = "intake-t0ken-9f2c";
  static final String ADMIN_PASSWORD = "adm1n-pa55-77aa";
  static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/slacksecret42";
  static final String PD_KEY = "pagerdutykey0123456789abcdef0123";

  @TempDir Path dir;
  final HttpClient client = HttpClient.newHttpClient();

  static String config() {
    return """
        route: {receiver: team}
        receivers:
          - name: team
            slack_configs: [{api_url: '%s', channel: '#x'}]
            pagerduty_configs: [{routing_key: '%s'}]
        server:
          intake_auth: {bearer_token: '%s'}
          admin_auth: {basic_auth: {username: admin, password: '%s'}}
          capture: {enabled: true, max_age: 24h, max_size: 8MiB}
        """.formatted(SLACK_URL, PD_KEY, INTAKE_TOKEN, ADMIN_PASSWORD);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void keepsBothIntakesServesThemToAdminsExportsOfflineAndHoldsNoSecret() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), config());
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    String served;
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      String base = "http://127.0.0.1:" + app.port();
      String webhook = Files.readString(Fixtures.ALERTMANAGER.resolve("webhook-firing-group-of-3.json"));
      String push = Files.readString(Fixtures.PROMETHEUS_PUSH);
      for (String[] p : List.of(new String[] {"/api/v1/alertmanager", webhook}, new String[] {"/api/v2/alerts", push})) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + p[0]))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + INTAKE_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(p[1])));
        assertEquals(200, r.statusCode(), r.body());
      }
      assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture"))).statusCode());
      assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture"))
          .header("Authorization", "Bearer " + INTAKE_TOKEN)).statusCode());
      String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture?since=1h"))
          .header("Authorization", admin));
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("application/x-ndjson", r.headers().firstValue("Content-Type").orElse(""));
      served = r.body();
      List<CaptureRecord> records = served.lines().map(l -> CaptureCodec.parse(l).orElseThrow()).toList();
      assertEquals(List.of("alertmanager", "prometheus"), records.stream().map(CaptureRecord::source).toList());
      assertEquals(3, records.get(0).alerts().size());
      assertEquals(400, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture?since=yesterday"))
          .header("Authorization", admin)).statusCode());
      assertEquals("", send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture?since=2999-01-01T00:00:00Z"))
          .header("Authorization", admin)).body());
    }
    // Offline, after the server stopped: the same lines.
    StringWriter out = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("capture", "export", "--data", dir.resolve("data").toString()));
    assertEquals(served, out.toString());

    try (Stream<Path> files = Files.walk(dir.resolve("data").resolve(CaptureSegments.FOLDER))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        for (String secret : List.of(INTAKE_TOKEN, ADMIN_PASSWORD, SLACK_URL, "slacksecret42", PD_KEY, "Authorization", "Bearer")) {
          assertFalse(text.contains(secret), f + " holds " + secret);
        }
        assertTrue(text.contains("\"generatorURL\""));
      }
    }
  }

  @Test
  void diffsACandidateAgainstTheServersOwnCapture() throws Exception {
    String yaml = "route: {receiver: a, group_wait: 0s, routes: [{matchers: ['team=\"db\"'], receiver: db}]}\n"
        + "receivers: [{name: a, webhook_configs: [{url: 'http://a.test/'}]}, {name: db, webhook_configs: [{url: 'http://db.test/'}]}]\n"
        + "server: {admin_auth: {bearer_token: '" + ADMIN_PASSWORD + "'}}\n";
    Path config = Files.writeString(dir.resolve("config.yml"), yaml);
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "[{\"labels\":{\"alertname\":\"A\",\"team\":\"db\"}},{\"labels\":{\"alertname\":\"B\",\"team\":\"web\"}}]"))).statusCode());
      String same = yaml;
      String moved = yaml.replace("receiver: db}", "receiver: a}");
      assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/config/diff"))
          .POST(HttpRequest.BodyPublishers.ofString(same))).statusCode());
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/config/diff"))
          .header("Authorization", "Bearer " + ADMIN_PASSWORD).POST(HttpRequest.BodyPublishers.ofString(same)));
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().startsWith("{\"differs\":false"), r.body());
      r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/config/diff?since=1h"))
          .header("Authorization", "Bearer " + ADMIN_PASSWORD).POST(HttpRequest.BodyPublishers.ofString(moved)));
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().startsWith("{\"differs\":true"), r.body());
      assertTrue(r.body().contains("\"field\":\"receivers\",\"baseline\":\"db\",\"candidate\":\"a\""), r.body());
      r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/config/diff"))
          .header("Authorization", "Bearer " + ADMIN_PASSWORD).POST(HttpRequest.BodyPublishers.ofString("route: {receiver: nobody}\n")));
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("candidate"), r.body());
      assertFalse(r.body().contains("alert-router-diff"), r.body());
    }
  }

  @Test
  void replayDownloadsTheCaptureFromARunningServer() throws Exception {
    String yaml = "route: {receiver: a, group_wait: 0s, routes: [{matchers: ['team=\"db\"'], receiver: db}]}\n"
        + "receivers: [{name: a}, {name: db, webhook_configs: [{url: 'http://db.test/'}]}]\n";
    Path config = Files.writeString(dir.resolve("config.yml"), yaml);
    Path candidate = Files.writeString(dir.resolve("candidate.yml"), yaml.replace("receiver: db}", "receiver: a}"));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"A\",\"team\":\"db\"}}]"))).statusCode());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = RootCommand.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("replay", "--config", candidate.toString(), "--baseline", config.toString(),
          "--url", base, "--since", "1h", "--expect-no-change");
      assertEquals(1, exit, err.toString());
      assertTrue(out.toString().contains("receivers: db -> a"), out.toString());
      assertTrue(out.toString().contains("totals: 1 payloads, 1 alerts, 1 changed"), out.toString());
    }
  }

  @Test
  void aDataFolderThatCannotHoldTheCaptureDoesNotStopRouting() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), "route: {receiver: a}\nreceivers: [{name: a}]\n");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data").resolve(CaptureSegments.FOLDER), "a file where the folder would be");
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"A\"}}]"))).statusCode());
      assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture"))).statusCode());
      assertEquals(503, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/config/diff"))
          .POST(HttpRequest.BodyPublishers.ofString("route: {receiver: a}\nreceivers: [{name: a}]\n"))).statusCode());
    }
  }

  @Test
  void captureOffKeepsNothing() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"),
        "route: {receiver: a}\nreceivers: [{name: a}]\nserver: {capture: {enabled: false}}\n");
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"A\"}}]"))).statusCode());
      assertEquals("", send(HttpRequest.newBuilder(URI.create(base + "/api/v1/capture"))).body());
    }
  }
}
