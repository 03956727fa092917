package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI over real HTTP: rendering, escaping, security headers, CSRF, the JSON twin of a page. */
class UiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
  private static final Pattern CSRF_COOKIE = Pattern.compile("alertrouter_csrf=([A-Za-z0-9_-]+)");

  @TempDir Path dir;
  private UiFixtureServer server;

  @BeforeEach
  void start() {
    server = new UiFixtureServer(dir.resolve("data")).feed();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyPageRendersWithAStrictContentSecurityPolicy() {
    for (String path : List.of("/alerts", "/alerts/" + UiFixtureServer.SERVICE_DOWN, "/silences", "/silences/new",
        "/routes", "/receivers", "/status", "/ui/fragments/alerts")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
          && csp.contains("default-src 'none'") && !csp.contains("unsafe"), path + ": " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertFalse(r.body().contains("<script>"), path + " has an inline script");
      assertFalse(r.body().contains("style="), path + " has an inline style");
    }
    assertEquals(303, server.get("/").statusCode());
  }

  @Test
  void theListGroupsAlertsByReceiverWithPriorityTeamAndRunbook() {
    String body = server.get("/alerts").body();
    assertTrue(body.contains("critical-alerts"), body);
    assertTrue(body.contains(UiFixtureServer.SERVICE_DOWN));
    assertTrue(body.contains("class=\"badge p0\""));
    assertTrue(body.contains("team platform"));
    assertTrue(body.contains("href=\"https://runbooks.tta.dev/service-down\""));
    assertTrue(body.contains("hx-trigger=\"every 5s\""), "the list polls its fragment");
  }

  @Test
  void filtersLiveInTheQuery() {
    String body = server.get("/alerts?filter=" + q("team=\"cost-optimization\" priority=~\"P1|P2\"")).body();
    assertTrue(body.contains(UiFixtureServer.CACHE_1), body);
    assertFalse(body.contains(UiFixtureServer.SERVICE_DOWN));
    String p0 = server.get("/alerts?priority=P0&state=firing").body();
    assertTrue(p0.contains(UiFixtureServer.SERVICE_DOWN));
    assertFalse(p0.contains(UiFixtureServer.CACHE_1));
    assertTrue(p0.contains("/ui/fragments/alerts?priority=P0&amp;state=firing"), "the poll keeps the filter");
    String api = server.get("/alerts?filter=" + q("team=\"platform\"") + "&filter=" + q("{service=\"api\"}")).body();
    assertTrue(api.contains(UiFixtureServer.SERVICE_DOWN), "repeated filters, as the API takes them, all apply");
    assertFalse(api.contains(UiFixtureServer.DEPLOYMENT));
    HttpResponse<String> bad = server.get("/alerts?filter=" + q("team=~\"(\""));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("filter:"));
  }

  @Test
  void aStormDrawsAtMostFiveHundredRowsAndSaysHowManyMore() {
    StringBuilder storm = new StringBuilder("[");
    for (int i = 0; i < 520; i++) {
      storm.append(i == 0 ? "" : ",").append("{\"labels\":{\"alertname\":\"Storm\",\"severity\":\"warning\",")
          .append("\"instance\":\"pod-").append(i).append("\"},\"startsAt\":\"2026-11-24T19:09:00Z\"}");
    }
    assertEquals(200, server.post("/api/v2/alerts", storm.append(']').toString()).statusCode());
    String body = server.get("/alerts?filter=" + q("alertname=\"Storm\"")).body();
    assertEquals(AlertBoard.MAX_ROWS, body.split("<li class=\"alert ", -1).length - 1);
    assertTrue(body.contains("20 more rows match but are not drawn"), body.substring(0, 2000));
    assertTrue(body.contains("520 of "), "the count covers every match");
  }

  @Test
  void labelsAndAnnotationsAreTextNeverMarkup() {
    for (String path : List.of("/alerts", "/silences/new?matchers=" + q("service=\"x\""))) {
      String body = server.get(path).body();
      assertTrue(body.contains("&lt;img src=x onerror=alert(1)&gt;"), path + ": " + body);
      assertFalse(body.contains("<img"), path);
      assertFalse(body.contains("<script>alert(2)"), path);
      assertFalse(body.contains("javascript:"), path + ": a javascript: runbook link must not become a link");
    }
  }

  @Test
  void theAlertPageTellsItsStoryAndAnswersJsonToo() throws Exception {
    String html = server.get("/alerts/" + UiFixtureServer.SERVICE_DOWN).body();
    assertTrue(html.contains("TTAServiceDown"));
    assertTrue(html.contains("stage-received"));
    assertTrue(html.contains("stage-priority"));
    assertTrue(html.contains("severity &quot;critical&quot; maps to it"), html);
    assertTrue(html.contains("stage-route"));
    assertTrue(html.contains("stage-group"));
    assertTrue(html.contains("Silence this alert"));

    HttpResponse<String> json = server.get("/alerts/" + UiFixtureServer.SERVICE_DOWN, "Accept", "application/json");
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode explain = JSON.readTree(json.body());
    JsonNode api = JSON.readTree(server.get("/api/v1/alerts/" + UiFixtureServer.SERVICE_DOWN + "/explain").body());
    assertEquals(api.get("data").get("fingerprint"), explain.get("data").get("fingerprint"));
    assertEquals("received", explain.get("data").get("decisions").get(0).get("stage").asText());

    assertEquals(404, server.get("/alerts/00000000000000ff").statusCode());
    assertEquals(404, server.get("/alerts/not-hex").statusCode());
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRefused() {
    String form = "matchers=" + q("alertname=\"TTAServiceDown\"") + "&duration=2h&createdBy=me&comment=test";
    HttpResponse<String> none = server.postForm("/silences", form);
    assertEquals(403, none.statusCode());
    assertTrue(none.body().contains("CSRF token"), none.body());

    HttpResponse<String> page = server.get("/silences/new");
    String cookie = cookie(page);
    HttpResponse<String> wrong = server.postForm("/silences", form + "&_csrf=" + "x".repeat(43),
        "Cookie", "alertrouter_csrf=" + cookie);
    assertEquals(403, wrong.statusCode());
    assertEquals(403, server.postForm("/status/reload", "_csrf=" + cookie).statusCode(), "no cookie, no reload");
    assertTrue(server.get("/silences").body().contains("None."), "nothing was created");
  }

  @Test
  void aSilenceCreatedFromTheFormSilencesTheAlertAndCanBeExpired() {
    HttpResponse<String> page = server.get("/silences/new?matchers=" + q("alertname=\"TTAServiceDown\""));
    String token = field(page);
    assertEquals(token, cookie(page));
    assertTrue(page.body().contains(UiFixtureServer.SERVICE_DOWN), "the preview shows the alert it would silence");

    HttpResponse<String> saved = server.postForm("/silences", "_csrf=" + token + "&matchers="
        + q("alertname=\"TTAServiceDown\"") + "&duration=2h&createdBy=alice&comment=" + q("deploying the fix"),
        "Cookie", "alertrouter_csrf=" + token);
    assertEquals(303, saved.statusCode(), saved.body());
    String list = server.get("/silences").body();
    assertTrue(list.contains("alice") && list.contains("deploying the fix"));
    assertTrue(server.get("/alerts?state=silenced").body().contains(UiFixtureServer.SERVICE_DOWN));

    Matcher id = Pattern.compile("id=\"s-([0-9a-f-]{36})\"").matcher(list);
    assertTrue(id.find(), list);

    // Edit: the form comes back filled in; a new comment is saved on the same matchers.
    HttpResponse<String> edit = server.get("/silences/new?id=" + id.group(1));
    assertTrue(edit.body().contains("deploying the fix") && edit.body().contains("alertname=&quot;TTAServiceDown&quot;"),
        edit.body());
    HttpResponse<String> edited = server.postForm("/silences", "_csrf=" + token + "&id=" + id.group(1) + "&matchers="
        + q("alertname=\"TTAServiceDown\"") + "&duration=3h&createdBy=alice&comment=" + q("fix rolled out, watching"),
        "Cookie", "alertrouter_csrf=" + token);
    assertEquals(303, edited.statusCode(), edited.body());
    list = server.get("/silences").body();
    assertTrue(list.contains("fix rolled out, watching"), list);
    id = Pattern.compile("id=\"s-([0-9a-f-]{36})\" data-state=\"active\"").matcher(list);
    assertTrue(id.find(), list);
    HttpResponse<String> expired = server.postForm("/silences/" + id.group(1) + "/expire", "_csrf=" + token,
        "Cookie", "alertrouter_csrf=" + token);
    assertEquals(303, expired.statusCode(), expired.body());
    assertFalse(server.get("/alerts?state=silenced").body().contains(UiFixtureServer.SERVICE_DOWN));

    HttpResponse<String> bad = server.postForm("/silences", "_csrf=" + token + "&matchers=&duration=soon&createdBy=&comment=",
        "Cookie", "alertrouter_csrf=" + token);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("duration:"), bad.body());
  }

  @Test
  void theRoutesPageTestsLabelsWithTheServersOwnTree() {
    String body = server.get("/routes?labels=" + q("alertname=TTAServiceDown severity=critical team=platform service=api")).body();
    Matcher receivers = Pattern.compile("id=\"test-receivers\">([^<]*)<").matcher(body);
    assertTrue(receivers.find(), body);
    assertTrue(receivers.group(1).contains("critical-alerts"), receivers.group(1));
    assertTrue(body.contains("class=\"badge p0\""));
    assertTrue(body.contains("alertmanager.yml:"), "each route names its file and line");
    assertEquals(400, server.get("/routes?labels=" + q("team=~\"x\"")).statusCode());
  }

  @Test
  void receiversAndStatusShowTheirFigures() throws Exception {
    String receivers = server.get("/receivers").body();
    assertTrue(receivers.contains("critical-alerts"));
    assertTrue(receivers.contains("1 message per 1s for #tta-critical"), receivers);
    JsonNode perHour = JSON.readTree(server.get("/ui/api/notifications-per-hour").body());
    assertEquals(24, perHour.get("hours").size());
    assertTrue(perHour.get("receivers").has("critical-alerts"));
    String status = server.get("/status").body();
    assertTrue(status.contains("routing-rules"));
    assertTrue(status.contains("Reload configuration"));
  }

  @Test
  void staticFilesAndHtmxComeFromTheJar() {
    for (String path : List.of("/ui/static/app.css", "/ui/static/receivers-chart.js", WebUi.HTMX_PATH,
        "/ui/vendor/uPlot.iife.min.js", "/ui/vendor/uPlot.min.css")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.body().length() > 100, path);
    }
  }

  private static String cookie(HttpResponse<String> r) {
    Matcher m = CSRF_COOKIE.matcher(String.join(";", r.headers().allValues("Set-Cookie")));
    assertTrue(m.find(), "no CSRF cookie: " + r.headers().map());
    return m.group(1);
  }

  private static String field(HttpResponse<String> r) {
    Matcher m = CSRF_FIELD.matcher(r.body());
    assertTrue(m.find(), "no CSRF field");
    return m.group(1);
  }
}
