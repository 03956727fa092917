package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code server.admin_auth}, the UI's state changes need it exactly as the silence API does;
 * reading pages stays open, as reading the API does.
 */
class UiAuthHttpTest {
  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "admin:admin-password".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  private UiFixtureServer server;

  @BeforeEach
  void start() throws Exception {
    Path rules = dir.resolve("rules");
    Path shipped = Path.of("routing-rules");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path f : files.toList()) {
        Path target = rules.resolve(shipped.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.writeString(rules.resolve("server.yml"),
        "server:\n  admin_auth: {basic_auth: {username: admin, password: admin-password}}\n");
    server = new UiFixtureServer(dir.resolve("data"), rules).feed();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void stateChangesNeedTheAdminCredentialsReadsDoNot() {
    for (String page : List.of("/alerts", "/silences", "/routes", "/receivers", "/status")) {
      assertEquals(200, server.get(page).statusCode(), page);
    }
    HttpResponse<String> form = server.get("/silences/new");
    Matcher m = Pattern.compile("alertrouter_csrf=([A-Za-z0-9_-]+)").matcher(String.join(";", form.headers().allValues("Set-Cookie")));
    assertTrue(m.find());
    String token = m.group(1);
    String body = "_csrf=" + token + "&matchers=" + URLEncoder.encode("alertname=\"TTAServiceDown\"", StandardCharsets.UTF_8)
        + "&duration=1h&createdBy=alice&comment=x";

    HttpResponse<String> anonymous = server.postForm("/silences", body, "Cookie", "alertrouter_csrf=" + token);
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(401, server.postForm("/status/reload", "_csrf=" + token, "Cookie", "alertrouter_csrf=" + token).statusCode());

    HttpResponse<String> admin = server.postForm("/silences", body, "Cookie", "alertrouter_csrf=" + token, "Authorization", ADMIN);
    assertEquals(303, admin.statusCode(), admin.body());
    HttpResponse<String> reload = server.postForm("/status/reload", "_csrf=" + token,
        "Cookie", "alertrouter_csrf=" + token, "Authorization", ADMIN);
    assertEquals(303, reload.statusCode(), reload.body());
    assertTrue(server.get("/status?reloaded=ok").body().contains("Configuration reloaded."));
  }
}
