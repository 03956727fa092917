package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.ServerSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthHttpTest {
  static final String UNAUTHORIZED = "{\"status\":\"error\",\"error\":\"unauthorized\"}";
  static final String ALERTS = "[{\"labels\":{\"alertname\":\"A\"}}]";

  static ServerSettings settings(HttpAuth intake, HttpAuth admin) {
    return new ServerSettings(ServerSettings.DEFAULT_MAX_REQUEST_BYTES, ServerSettings.DEFAULT_RESOLVED_RETENTION,
        Optional.ofNullable(intake), Optional.ofNullable(admin));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static void assertUnauthorized(HttpResponse<String> r, String challenge) {
    assertEquals(401, r.statusCode());
    assertEquals(UNAUTHORIZED, r.body());
    assertEquals(challenge, r.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  @Test
  void bearerTokenGuardsIntake() {
    try (TestServer server = TestServer.start(settings(new HttpAuth.Bearer(new Secret("s3cret-token")), null))) {
      String challenge = "Bearer realm=\"alert-router\"";
      assertUnauthorized(server.postJson("/api/v2/alerts", ALERTS), challenge);
      assertUnauthorized(server.postJson("/api/v2/alerts", ALERTS, "Authorization", "Bearer wrong"), challenge);
      assertUnauthorized(server.postJson("/api/v1/alertmanager", "{}", "Authorization", "Bearer s3cret-toke"), challenge);
      assertUnauthorized(server.postJson("/api/v2/alerts", ALERTS, "Authorization", basic("x", "s3cret-token")),
          challenge);
      assertEquals(0, server.store.size());

      assertEquals(200,
          server.postJson("/api/v2/alerts", ALERTS, "Authorization", "Bearer s3cret-token").statusCode());
      assertEquals(200,
          server.postJson("/api/v2/alerts", ALERTS, "Authorization", "bearer s3cret-token").statusCode());
    }
  }

  @Test
  void basicAuthGuardsIntakeWithoutSayingWhichPartWasWrong() {
    HttpAuth auth = new HttpAuth.Basic("alertmanager", new Secret("pa:ss"));
    try (TestServer server = TestServer.start(settings(auth, null))) {
      String challenge = "Basic realm=\"alert-router\"";
      HttpResponse<String> wrongUser =
          server.postJson("/api/v2/alerts", ALERTS, "Authorization", basic("prometheus", "pa:ss"));
      HttpResponse<String> wrongPassword =
          server.postJson("/api/v2/alerts", ALERTS, "Authorization", basic("alertmanager", "pa:sx"));
      assertUnauthorized(wrongUser, challenge);
      assertUnauthorized(wrongPassword, challenge);
      assertUnauthorized(server.postJson("/api/v2/alerts", ALERTS, "Authorization", "Basic !!notbase64"), challenge);

      assertEquals(200, server.postFile("/api/v1/alertmanager",
          TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"),
          "Authorization", basic("alertmanager", "pa:ss")).statusCode());
    }
  }

  @Test
  void adminAuthGuardsReloadButNotIntake() {
    try (TestServer server = TestServer.start(settings(null, new HttpAuth.Bearer(new Secret("admin-token"))))) {
      assertEquals(200, server.postJson("/api/v2/alerts", ALERTS).statusCode());
      assertUnauthorized(server.postJson("/-/reload", ""), "Bearer realm=\"alert-router\"");
      assertUnauthorized(server.postJson("/-/reload", "", "Authorization", "Bearer wrong"),
          "Bearer realm=\"alert-router\"");
      assertEquals(200, server.postJson("/-/reload", "", "Authorization", "Bearer admin-token").statusCode());
    }
  }

  @Test
  void healthReadinessMetricsAndTheListStayOpen() {
    HttpAuth auth = new HttpAuth.Bearer(new Secret("t"));
    try (TestServer server = TestServer.start(settings(auth, auth))) {
      assertEquals(200, server.get("/-/healthy").statusCode());
      assertEquals(200, server.get("/-/ready").statusCode());
      assertEquals(200, server.get("/metrics").statusCode());
      assertEquals(200, server.get("/api/v1/alerts").statusCode());
    }
  }

  @Test
  void credentialsChangedByAReloadApplyToTheNextRequest() {
    try (TestServer server = TestServer.start()) {
      assertEquals(200, server.postJson("/api/v2/alerts", ALERTS).statusCode());

      server.settings.set(settings(new HttpAuth.Bearer(new Secret("new")), null));

      assertEquals(401, server.postJson("/api/v2/alerts", ALERTS).statusCode());
      assertEquals(200, server.postJson("/api/v2/alerts", ALERTS, "Authorization", "Bearer new").statusCode());
    }
  }
}
