package dev.tta.alertrouter.http.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.e2e.RealAlertmanager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client is the test: the same amtool commands against alert-router and against the real
 * Alertmanager 0.25, both loaded with the same configuration and fed the same alerts, print the same,
 * apart from silence ids and times (normalised).
 */
class AmtoolAgainstBothTest {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( UTC|Z|[+-]\\d{2}:\\d{2})?");

  @TempDir Path dir;

  /** One server under test: its amtool, a transcript of what amtool printed, and the ids it handed out. */
  private static final class Side {
    final String name;
    final AmtoolCli amtool;
    final Runnable beforeEachStep;
    final StringBuilder transcript = new StringBuilder();

    final Path work;

    Side(String name, String url, Path work, Runnable beforeEachStep) {
      this.name = name;
      this.work = work;
      this.amtool = AmtoolCli.at(url);
      this.beforeEachStep = beforeEachStep;
    }

    String beforeEachStepDir() {
      return work + java.io.File.separator;
    }

    AmtoolCli.Run step(String... args) {
      beforeEachStep.run();
      AmtoolCli.Run run = amtool.run(args);
      String shown = String.join(" ", args).replace(beforeEachStepDir(), "");
      transcript.append("$ amtool ").append(normalise(shown)).append("\n")
          .append("exit ").append(run.exitCode()).append("\n")
          .append(normalise(run.stdout()));
      if (run.exitCode() != 0) {
        transcript.append("stderr: ").append(normalise(run.stderr()));
      }
      return run;
    }
  }

  static String normalise(String text) {
    String s = UUID.matcher(text).replaceAll("<id>");
    s = TIME.matcher(s).replaceAll("<time>");
    return s.replaceAll("[ \\t]+", " ").replaceAll(" +\n", "\n");
  }

  @Test
  void amtoolPrintsTheSameAgainstAlertRouterAndAlertmanager() throws Exception {
    Peers.require("amtool", "prometheus-alertmanager");
    Peers.require("prometheus-alertmanager", "prometheus-alertmanager");
    Path amDir = Files.createDirectories(dir.resolve("am"));
    Path config = amDir.resolve("alertmanager.yml");
    Files.writeString(config, V2Server.CONFIG);
    Path routerDir = Files.createDirectories(dir.resolve("router"));
    // alert-router's clock is moved to the real time before each step: amtool stamps silences with
    // its own clock, and the real Alertmanager runs on the real one.
    try (RealAlertmanager am = RealAlertmanager.start(config, amDir);
        V2Server router = V2Server.start(routerDir, Instant.now())) {
      Side real = new Side("alertmanager", "http://127.0.0.1:" + am.port(), amDir, () -> {});
      Side ours = new Side("alert-router", router.url(), routerDir, () -> router.clock.set(Instant.now()));
      post("http://127.0.0.1:" + am.port() + "/api/v2/alerts", V2ApiHttpTest.ALERTS);
      router.clock.set(Instant.now());
      assertEquals(200, router.post("/api/v2/alerts", V2ApiHttpTest.ALERTS).statusCode());
      awaitInhibition("http://127.0.0.1:" + am.port());

      for (Side side : List.of(real, ours)) {
        script(side);
      }
      assertEquals(real.transcript.toString(), ours.transcript.toString());
      assertTrue(real.transcript.toString().contains("exit 0"), real.transcript.toString());

      // The raw answers too: both fit the spec and are equal apart from ids and times.
      router.clock.set(Instant.now());
      for (String[] get : new String[][] {
          {"/api/v2/alerts", "gettableAlerts"}, {"/api/v2/alerts?silenced=false&filter=service%3D%22s%22", "gettableAlerts"},
          {"/api/v2/alerts/groups", "alertGroups"}, {"/api/v2/alerts/groups?inhibited=false", "alertGroups"},
          {"/api/v2/silences", "gettableSilences"}, {"/api/v2/silences?filter=a%3D%22b%22", "gettableSilences"}}) {
        JsonNode theirs = getJson("http://127.0.0.1:" + am.port() + get[0]);
        JsonNode mine = V2Server.json(router.get(get[0]));
        OpenApiSchemas.assertFits(get[1], theirs);
        OpenApiSchemas.assertFits(get[1], mine);
        assertEquals(normalise(theirs.toPrettyString()), normalise(mine.toPrettyString()), get[0]);
      }
      assertEquals(getJson("http://127.0.0.1:" + am.port() + "/api/v2/receivers"), V2Server.json(router.get("/api/v2/receivers")));
    }
  }

  /** The commands, in order; each side gets the ids its own server handed out. */
  private static void script(Side side) throws Exception {
    Path work = side.work;
    side.step("alert", "query");
    side.step("alert", "query", "alertname=A");
    side.step("alert", "query", "--silenced");
    side.step("alert", "query", "--inhibited");
    String first = side.step("silence", "add", "a=b", "--author=me", "--comment=first", "--duration=1h").stdout().strip();
    side.step("silence", "add", "team=~a|b", "service!=x", "--author=you", "--comment=second", "--duration=2h");
    side.step("alert", "query", "--silenced");
    side.step("alert", "query", "-a", "-s", "-i");
    side.step("alert", "query", "--inhibited", "service=s");
    side.step("silence", "query");
    side.step("silence", "query", "-q");
    side.step("silence", "query", "a=b");
    Path export = work.resolve("silences.json");
    AmtoolCli.Run json = side.step("silence", "query", "-o", "json");
    // The copies end a minute after their originals: equal ends would leave their order to chance
    // (Alertmanager sorts active silences by end only).
    com.fasterxml.jackson.databind.node.ArrayNode silences =
        (com.fasterxml.jackson.databind.node.ArrayNode) V2Server.JSON.readTree(json.stdout());
    silences.forEach(sil -> ((com.fasterxml.jackson.databind.node.ObjectNode) sil).put("endsAt",
        java.time.OffsetDateTime.parse(sil.get("endsAt").asText()).plusMinutes(1).toInstant().toString()));
    Files.writeString(export, silences.toString());
    side.step("silence", "import", "--force", export.toString());
    side.step("silence", "query");
    side.step("silence", "update", first, "--comment=updated");
    side.step("silence", "query", "a=b");
    side.step("silence", "expire", first);
    side.step("silence", "query", "--expired");
    side.step("silence", "query", "--expired", "-q");
    side.step("silence", "query");
    side.step("alert", "query", "--silenced");
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    return V2Server.JSON.readTree(r.body());
  }

  private static void post(String url, String json) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  /** Alertmanager indexes inhibition sources asynchronously: wait (bounded) until it shows B inhibited. */
  private static void awaitInhibition(String base) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    HttpClient client = HttpClient.newHttpClient();
    while (Instant.now().isBefore(deadline)) {
      String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts?active=false&silenced=false")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      JsonNode alerts = V2Server.JSON.readTree(body);
      List<String> names = new ArrayList<>();
      alerts.forEach(a -> names.add(a.path("labels").path("alertname").asText()));
      if (names.contains("B")) {
        return;
      }
      Thread.sleep(100); // polling the external process, not one of our timers

    }
    throw new AssertionError("Alertmanager never showed the warning inhibited");
  }
}
