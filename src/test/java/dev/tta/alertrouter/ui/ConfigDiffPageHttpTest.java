package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /config/diff} over real HTTP: the form, CSRF, the admin role, a diff, a candidate's errors, escaping. */
class ConfigDiffPageHttpTest {
  private static final Pattern CSRF_COOKIE = Pattern.compile("alertrouter_csrf=([A-Za-z0-9_-]+)");
  static final String ADMIN_TOKEN = "diff-admin-t0ken";
  static final String VIEWER_TOKEN = "diff-viewer-t0ken";

  /** Two receivers; the db team's alerts go to db, the rest to web. */
  static final String RUNNING = """
      route:
        receiver: web
        group_wait: 0s
        routes:
          - {matchers: ['team="db"'], receiver: db}
      receivers:
        - name: web
          webhook_configs: [{url: 'http://127.0.0.1:9/web'}]
        - name: db
          webhook_configs: [{url: 'http://127.0.0.1:9/db'}]
      """;
  /** The candidate: the db team's alerts go to web too. */
  static final String MOVED = RUNNING.replace("receiver: db}", "receiver: web}");

  @TempDir Path dir;

  /** The server on {@link #RUNNING} plus {@code extra}, fed one db and one web alert. */
  static UiFixtureServer serverWith(Path dir, String extra) throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), RUNNING + extra);
    UiFixtureServer server = new UiFixtureServer(dir.resolve("data"), config);
    HttpResponse<String> r = server.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/api/v2/alerts"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "[{\"labels\":{\"alertname\":\"DbDown\",\"team\":\"db\"}},{\"labels\":{\"alertname\":\"WebSlow\",\"team\":\"web\"}}]"))
        .build());
    assertEquals(200, r.statusCode(), r.body());
    return server;
  }

  static String csrfToken(HttpResponse<String> page) {
    Matcher m = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
    assertTrue(m.find(), "the page sets the CSRF cookie");
    return m.group(1);
  }

  static String form(String token, String candidate) {
    return "_csrf=" + token + "&candidate=" + URLEncoder.encode(candidate, StandardCharsets.UTF_8);
  }

  @Test
  void showsWhatACandidateChangesPerAlertPerReceiverAndInTotals() throws Exception {
    try (UiFixtureServer server = serverWith(dir, "")) {
      assertTrue(server.get("/status").body().contains("href=\"/config/diff\""), "linked from the status page");
      HttpResponse<String> page = server.get("/config/diff");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<textarea id=\"candidate\" name=\"candidate\""), page.body());
      String token = csrfToken(page);

      assertEquals(403, server.postForm("/config/diff", "candidate=" + URLEncoder.encode(MOVED, StandardCharsets.UTF_8),
          "Cookie", "alertrouter_csrf=" + token).statusCode(), "no CSRF field, no diff");

      HttpResponse<String> moved = server.postForm("/config/diff", form(token, MOVED), "Cookie", "alertrouter_csrf=" + token);
      assertEquals(200, moved.statusCode(), moved.body());
      String body = moved.body();
      assertTrue(body.contains("What the candidate changes"), body);
      assertTrue(body.contains("<strong>1 changed</strong>"), body);
      assertTrue(body.contains("<td>receivers</td><td>db</td><td>web</td>"), body);
      assertTrue(body.contains("db: 0 newly sent, 2 no longer sent, 0 at other times"), body);
      assertTrue(body.contains("web: 2 newly sent, 0 no longer sent, 0 at other times"), body);
      assertTrue(body.contains("DbDown"), body);
      assertTrue(body.contains("- 2026-11-24 19:10:00 UTC  webhook[0]"), "the firing notification db no longer gets: " + body);
      assertFalse(body.contains("WebSlow"), "an alert the candidate treats alike is not listed");

      HttpResponse<String> same = server.postForm("/config/diff", form(token, RUNNING), "Cookie", "alertrouter_csrf=" + token);
      assertEquals(200, same.statusCode(), same.body());
      assertTrue(same.body().contains("No difference"), same.body());
      assertFalse(same.body().contains("id=\"diff-alerts\""), same.body());
    }
  }

  @Test
  void aCandidateThatDoesNotLoadIsShownWithItsErrorsByLineAndEscaped() throws Exception {
    try (UiFixtureServer server = serverWith(dir, "")) {
      String token = csrfToken(server.get("/config/diff"));
      String broken = "# <script>alert(1)</script>\nroute:\n  receiver: nobody\nreceivers:\n  - name: web\n";
      HttpResponse<String> r = server.postForm("/config/diff", form(token, broken), "Cookie", "alertrouter_csrf=" + token);
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("id=\"diff-problems\""), r.body());
      assertTrue(r.body().contains("candidate:3"), "the error names the candidate's line: " + r.body());
      assertTrue(r.body().contains("nobody"), r.body());
      assertFalse(r.body().contains("alert-router-diff"), "no temporary path");
      assertFalse(r.body().contains("<script>alert(1)"), "the candidate is echoed as text");
      assertTrue(r.body().contains("&lt;script&gt;alert(1)"), r.body());
      assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

      HttpResponse<String> empty = server.postForm("/config/diff", form(token, " "), "Cookie", "alertrouter_csrf=" + token);
      assertEquals(400, empty.statusCode());
      assertTrue(empty.body().contains("paste a configuration"), empty.body());
    }
  }

  @Test
  void thePageNeedsTheAdminRole() throws Exception {
    String auth = """
        server:
          auth:
            tokens:
              - {name: ci, token: '%s', role: admin}
              - {name: grafana, token: '%s', role: viewer}
        """.formatted(ADMIN_TOKEN, VIEWER_TOKEN);
    try (UiFixtureServer server = serverWith(dir, auth)) {
      assertEquals(401, server.get("/config/diff").statusCode());
      assertEquals(403, server.get("/config/diff", "Authorization", "Bearer " + VIEWER_TOKEN).statusCode());
      HttpResponse<String> page = server.get("/config/diff", "Authorization", "Bearer " + ADMIN_TOKEN);
      assertEquals(200, page.statusCode());
      String token = csrfToken(page);
      assertEquals(403, server.postForm("/config/diff", form(token, MOVED), "Cookie", "alertrouter_csrf=" + token,
          "Authorization", "Bearer " + VIEWER_TOKEN).statusCode());
      HttpResponse<String> admin = server.postForm("/config/diff", form(token, MOVED + auth), "Cookie", "alertrouter_csrf=" + token,
          "Authorization", "Bearer " + ADMIN_TOKEN);
      assertEquals(200, admin.statusCode(), admin.body());
      assertTrue(admin.body().contains("<td>receivers</td><td>db</td><td>web</td>"), admin.body());
    }
  }
}
