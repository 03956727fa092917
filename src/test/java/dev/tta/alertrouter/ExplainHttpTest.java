package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.cli.RootCommand;
import java.io.IOException;
import java.io.OutputStream;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code GET /api/v1/alerts/{fingerprint}/explain} and the {@code explain} command on a running
 * server: the story of a routed, an inhibited and a silenced alert. Alerts started long ago and
 * group_wait is 0s, so groups flush at once; the test waits on the server's own answers, bounded.
 */
class ExplainHttpTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LONG_AGO = Instant.now().minus(Duration.ofMinutes(10)).toString();

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private PeerWebhook peer;
  private App app;

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    Path config = Files.writeString(dir.resolve("router.yml"), """
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 0s
          group_interval: 1m
          repeat_interval: 1h
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
        inhibit_rules:
          - source_matchers: ['alertname="TTAServiceDown"']
            target_matchers: ['alertname="TTAHighLatency"']
            equal: [service]
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
          - name: pager
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/default"), peer.url("/pager")));
    AppOptions options = new AppOptions(config, Optional.of(Path.of("runbooks")), "127.0.0.1", 0, dir.resolve("data"),
        false, URI.create("http://alert-router.test"));
    app = App.start(options, Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
    peer.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    b = body == null ? b.GET() : b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void push(String labelsJson) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v2/alerts",
        "[{\"labels\": " + labelsJson + ", \"startsAt\": \"" + LONG_AGO + "\"}]");
    assertEquals(200, r.statusCode(), r.body());
  }

  /** Asks explain until its story satisfies {@code done}; flushes run on the server's own threads. */
  private JsonNode explainUntil(String fingerprint, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = send("GET", "/api/v1/alerts/" + fingerprint + "/explain", null);
      if (r.statusCode() == 200) {
        last = JSON.readTree(r.body()).get("data");
        if (done.test(last)) {
          return last;
        }
      }
    }
    throw new AssertionError("explain of " + fingerprint + " never got there within " + LIMIT + ": " + last);
  }

  private static Predicate<JsonNode> hasStage(String stage) {
    return story -> stage(story, stage) != null;
  }

  private static JsonNode stage(JsonNode story, String stage) {
    for (JsonNode d : story.get("decisions")) {
      if (stage.equals(d.get("stage").asText())) {
        return d;
      }
    }
    return null;
  }

  private static String fingerprint(String... labels) {
    return Labels.of(labels).fingerprint().toString();
  }

  @Test
  void explainsWhereARoutedAlertWentAndWhy() throws Exception {
    push("{\"alertname\": \"TTAServiceDown\", \"service\": \"api\", \"severity\": \"critical\"}");
    String fp = fingerprint("alertname", "TTAServiceDown", "service", "api", "severity", "critical");

    JsonNode story = explainUntil(fp, hasStage("notification"));

    assertEquals(fp, story.get("fingerprint").asText());
    assertEquals("P0", story.get("labels").get("priority").asText());
    assertEquals("P0", stage(story, "priority").get("details").get("priority").asText());
    assertEquals("severity_level", stage(story, "priority").get("details").get("reason").asText());
    assertEquals("pager", stage(story, "route").get("details").get("receiver").asText());
    assertEquals("{severity=\"critical\"}", stage(story, "route").get("details").get("matchers").asText());
    assertEquals("{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}",
        stage(story, "group").get("details").get("group_key").asText());
    assertEquals("http://alert-router.test/runbooks/service-down", stage(story, "runbook").get("details").get("url").asText());
    JsonNode sent = stage(story, "notification");
    assertEquals("sent", sent.get("details").get("outcome").asText());
    assertEquals("webhook[0]", sent.get("details").get("integration").asText());
    assertTrue(Instant.parse(sent.get("at").asText()).isAfter(Instant.parse(LONG_AGO)));

    CommandRun run = CommandRun.of("explain", fp, "--url", "http://127.0.0.1:" + app.port());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("alert " + fp + " {alertname=\"TTAServiceDown\", priority=\"P0\""), run.out());
    assertTrue(run.out().contains(" priority     priority P0: severity \"critical\" maps to it"), run.out());
    assertTrue(run.out().contains(" notification notification sent: receiver pager via webhook[0], attempt 1"), run.out());
  }

  @Test
  void explainsWhichAlertAndRuleInhibitedAnAlert() throws Exception {
    push("{\"alertname\": \"TTAServiceDown\", \"service\": \"web\"}");
    push("{\"alertname\": \"TTAHighLatency\", \"service\": \"web\"}");
    String source = fingerprint("alertname", "TTAServiceDown", "service", "web");
    String target = fingerprint("alertname", "TTAHighLatency", "service", "web");

    JsonNode story = explainUntil(target, hasStage("inhibited"));

    JsonNode inhibited = stage(story, "inhibited").get("details");
    assertEquals(source, inhibited.get("source_fingerprint").asText());
    assertEquals("inhibit_rules[0]", inhibited.get("rule").asText());
    assertEquals(dir.resolve("router.yml") + ":11", inhibited.get("rule_location").asText());
    assertEquals("default", inhibited.get("receiver").asText());
    assertEquals(null, stage(story, "notification"), "never notified");

    CommandRun run = CommandRun.of("explain", target, "--url", "http://127.0.0.1:" + app.port());
    assertTrue(run.out().contains(" inhibited    inhibited by " + source + " {alertname=\"TTAServiceDown\""), run.out());
  }

  @Test
  void explainsWhichSilenceMutedAnAlert() throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/silences", """
        {"matchers": [{"name": "service", "value": "batch", "isRegex": false, "isEqual": true}],
         "startsAt": "%s", "endsAt": "%s", "createdBy": "alice", "comment": "nightly reindex"}
        """.formatted(LONG_AGO, Instant.now().plus(Duration.ofHours(1))));
    assertEquals(200, created.statusCode(), created.body());
    String silenceId = JSON.readTree(created.body()).at("/data/silenceID").asText();
    push("{\"alertname\": \"JobSlow\", \"service\": \"batch\"}");
    String fp = fingerprint("alertname", "JobSlow", "service", "batch");

    JsonNode story = explainUntil(fp, hasStage("silenced"));

    assertEquals(silenceId, stage(story, "silenced").get("details").get("silences").asText());
    assertEquals(null, stage(story, "notification"), "never notified");

    CommandRun json = CommandRun.of("explain", fp, "--json", "--url", "http://127.0.0.1:" + app.port());
    assertEquals(0, json.exitCode());
    assertEquals(fp, JSON.readTree(json.out()).at("/data/fingerprint").asText());
  }

  @Test
  void anUnknownFingerprintIs404AndAMalformedOne400() throws Exception {
    HttpResponse<String> unknown = send("GET", "/api/v1/alerts/00000000000000ff/explain", null);
    assertEquals(404, unknown.statusCode());
    assertEquals("application/json", unknown.headers().firstValue("Content-Type").orElse(""));
    assertTrue(JSON.readTree(unknown.body()).get("error").asText().contains("00000000000000ff"), unknown.body());

    HttpResponse<String> malformed = send("GET", "/api/v1/alerts/not-a-fingerprint/explain", null);
    assertEquals(400, malformed.statusCode());
    assertEquals("fingerprint", JSON.readTree(malformed.body()).at("/errors/0/field").asText(), malformed.body());

    CommandRun run = CommandRun.of("explain", "00000000000000ff", "--url", "http://127.0.0.1:" + app.port());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("no decisions recorded for alert 00000000000000ff"), run.err());
    assertEquals(2, CommandRun.of("explain", "xyz!").exitCode(), "refused before asking");
  }

  @Test
  void decisionMetricsAreCleanUnderPromtoolAfterTraffic() throws Exception {
    Path promtool = promtool();
    push("{\"alertname\": \"TTAServiceDown\", \"service\": \"db\", \"severity\": \"critical\", \"team\": \"platform\"}");
    push("{\"alertname\": \"TTAHighLatency\", \"service\": \"db\"}");
    String fp = fingerprint("alertname", "TTAHighLatency", "service", "db");
    explainUntil(fp, hasStage("inhibited"));
    // The notification is recorded for explain after it is counted.
    explainUntil(fingerprint("alertname", "TTAServiceDown", "service", "db", "severity", "critical", "team", "platform"),
        hasStage("notification"));

    String text = send("GET", "/metrics", null).body();
    for (String family : new String[] {"alertrouter_priority_assigned_total", "alertrouter_team_routed_total",
        "alertrouter_route_matched_total", "alertrouter_alerts_inhibited_total", "alertrouter_alerts_silenced_total",
        "alertrouter_alerts_time_muted_total", "alertrouter_aggregation_groups", "alertrouter_notifications_total",
        "alertrouter_notification_latency_seconds", "alertrouter_notification_delay_seconds",
        "alertrouter_dispatch_queue_depth", "alertrouter_notifications_in_flight", "alertrouter_runbook_enrichments_total",
        "alertrouter_duplicates_suppressed_total", "alertrouter_config_reloads_total", "process_cpu_seconds_total",
        "jvm_memory_used_bytes"}) {
      assertTrue(text.contains("\n" + family), family + " missing");
    }
    assertTrue(!text.contains(fp), "no fingerprint as a label value");

    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool finished");
    assertEquals("", output.strip());
    assertEquals(0, p.exitValue());
  }

  private static Path promtool() {
    return Peers.require("promtool", "prometheus");
  }

  /** What one in-process run of the command line printed. */
  private record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = RootCommand.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute(args);
      return new CommandRun(exit, out.toString(), err.toString());
    }
  }
}
