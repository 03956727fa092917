package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.runbook.RunbookLoadResult;
import dev.tta.alertrouter.runbook.RunbookLoader;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.runbook.UrlTemplate;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final AtomicReference<RunbookResolver> current = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private Javalin server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    Files.writeString(dir.resolve("service-down.md"), """
        ---
        title: TTA service down
        owner: platform
        alerts:
          - TTAServiceDown
        ---
        # Service down

        Run `up == 0` first.
        """);
    Files.writeString(dir.resolve("hostile.md"), """
        ---
        title: "<script>alert('t')</script>"
        owner: platform
        alerts:
          - TTAHostile
        ---
        <script>alert(document.cookie)</script>

        [go](javascript:alert(1))
        """);
    current.set(resolver(dir));
    RunbookRoutes routes = new RunbookRoutes(current::get);
    server = Javalin.create(routes::register).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static RunbookResolver resolver(Path runbooks) {
    RunbookLoadResult loaded = RunbookLoader.load(runbooks);
    assertTrue(loaded.ok(), loaded.errors().toString());
    return new RunbookResolver(loaded.runbooks().orElseThrow(),
        Optional.of(UrlTemplate.parse("https://runbooks.tta.dev/{service}/{alertname}")),
        URI.create("https://alerts.tta.dev"));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void lookupAnswersTheLocalRunbook() throws Exception {
    HttpResponse<String> response = get("/api/v1/runbooks/lookup?alertname=TTAServiceDown&service=api");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonNode body = JSON.readTree(response.body());
    assertEquals("https://alerts.tta.dev/runbooks/service-down", body.get("url").asText());
    assertEquals("TTA service down", body.get("title").asText());
    assertEquals("runbooks", body.get("source").asText());
    assertEquals("{alertname=\"TTAServiceDown\"} in " + dir.resolve("service-down.md") + ":5", body.get("matchedBy").asText());
  }

  @Test
  void lookupFallsBackToTheTemplateWithEscapedValues() throws Exception {
    JsonNode body = JSON.readTree(get("/api/v1/runbooks/lookup?alertname=TTADiskFull&service=a%20b%2Fc").body());
    assertEquals("https://runbooks.tta.dev/a%20b%2Fc/TTADiskFull", body.get("url").asText());
    assertEquals("template", body.get("source").asText());
    assertTrue(body.get("title").isNull());
  }

  @Test
  void lookupAnswers404WithAJsonErrorWhenNothingApplies() throws Exception {
    HttpResponse<String> response = get("/api/v1/runbooks/lookup?alertname=TTADiskFull");
    assertEquals(404, response.statusCode());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("error", body.get("status").asText());
    assertEquals("no runbook for {alertname=\"TTADiskFull\"}: no runbooks/ entry matches; url_template "
        + "https://runbooks.tta.dev/{service}/{alertname} needs labels [service, alertname] and the alert lacks one",
        body.get("error").asText());
  }

  @Test
  void lookupRejectsMissingAlertnameAndBadLabelNamesWith400() throws Exception {
    HttpResponse<String> missing = get("/api/v1/runbooks/lookup?service=api");
    assertEquals(400, missing.statusCode());
    assertEquals("alertname is required, e.g. ?alertname=TTAServiceDown&service=api",
        JSON.readTree(missing.body()).get("error").asText());
    HttpResponse<String> bad = get("/api/v1/runbooks/lookup?alertname=X&bad-name=1&service=a&service=b");
    assertEquals(400, bad.statusCode());
    String error = JSON.readTree(bad.body()).get("error").asText();
    assertTrue(error.contains("\"bad-name\" is not a valid label name"), error);
    assertTrue(error.contains("label service is given 2 times"), error);
  }

  @Test
  void aReloadIsSeenByTheNextLookup() throws Exception {
    Path other = Files.createDirectory(dir.resolve("reloaded"));
    Files.writeString(other.resolve("disk.md"), "---\ntitle: Disk\nowner: platform\nalerts: [TTADiskFull]\n---\n");
    current.set(resolver(other));
    JsonNode body = JSON.readTree(get("/api/v1/runbooks/lookup?alertname=TTADiskFull").body());
    assertEquals("https://alerts.tta.dev/runbooks/disk", body.get("url").asText());
    assertEquals(404, get("/runbooks/service-down").statusCode());
  }

  @Test
  void aRunbookPageIsEscapedAndForbidsScripts() throws Exception {
    HttpResponse<String> response = get("/runbooks/hostile");
    assertEquals(200, response.statusCode());
    assertEquals("default-src 'none'; style-src 'unsafe-inline'",
        response.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    String html = response.body();
    assertFalse(html.toLowerCase().contains("<script"), html);
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"), html);
  }

  @Test
  void theIndexListsTitleOwnerAndCoveredAlerts() throws Exception {
    HttpResponse<String> response = get("/runbooks/");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
    assertTrue(response.body().contains(
        "<tr><td><a href=\"service-down\">TTA service down</a></td><td>platform</td>"
            + "<td><code>{alertname=&quot;TTAServiceDown&quot;}</code></td></tr>"), response.body());
    HttpResponse<String> withoutSlash = get("/runbooks");
    assertEquals(301, withoutSlash.statusCode());
    assertEquals(base + "/runbooks/", URI.create(base + "/runbooks").resolve(
        withoutSlash.headers().firstValue("Location").orElseThrow()).toString());
  }

  @Test
  void anUnknownRunbookIs404Json() throws Exception {
    HttpResponse<String> response = get("/runbooks/nope");
    assertEquals(404, response.statusCode());
    assertEquals("no runbook named \"nope\"; see /runbooks/", JSON.readTree(response.body()).get("error").asText());
  }
}
