package dev.tta.alertrouter.http.auth;

import static dev.tta.alertrouter.http.auth.SecuredServer.basic;
import static dev.tta.alertrouter.http.auth.SecuredServer.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.AccessSettings;
import dev.tta.alertrouter.config.Cidr;
import dev.tta.alertrouter.config.Role;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import dev.tta.alertrouter.metrics.RouterMetrics;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After authenticating, the guard leaves who it was in the request attribute {@value
 * Identity#ATTRIBUTE} (a silence's createdBy reads it): the user, the token's name or the header value.
 */
class IdentityAttributeTest {
  private Javalin app;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    ServerSettings settings = new ServerSettings(ServerSettings.DEFAULT_MAX_REQUEST_BYTES,
        ServerSettings.DEFAULT_RESOLVED_RETENTION, Optional.empty(), Optional.empty(),
        Optional.of(new AccessSettings(Optional.of(Map.of(Role.RESPONDER, List.of("*"))),
            List.of(new AccessSettings.Token("grafana", new Secret("t0ken"), Role.VIEWER)),
            Optional.of(new AccessSettings.TrustedHeader("X-Forwarded-Email", List.of(Cidr.parse("127.0.0.0/8")))))));
    WebConfig web = new WebConfig(Optional.empty(), Map.of(), Map.of("alice", new Secret(hash("pw"))));
    AccessGuard guard = new AccessGuard(() -> settings, () -> web, new RouterMetrics("test"));
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.beforeMatched(guard::check);
      config.routes.get("/api/v1/whoami", ctx -> ctx.result(String.valueOf((Object) ctx.attribute(Identity.ATTRIBUTE))));
      config.routes.get("/-/healthy", ctx -> ctx.result(String.valueOf((Object) ctx.attribute(Identity.ATTRIBUTE))));
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theIdentityIsTheUserTheTokenNameOrTheHeaderValue() throws Exception {
    assertEquals("alice", get("/api/v1/whoami", "Authorization", basic("alice", "pw")).body());
    assertEquals("grafana", get("/api/v1/whoami", "Authorization", "Bearer t0ken").body());
    assertEquals("dana@tta.dev", get("/api/v1/whoami", "X-Forwarded-Email", "dana@tta.dev").body());
    assertEquals("null", get("/-/healthy").body(), "open probes carry no identity");
  }

  @Test
  void describeSaysWhetherTheServerIsOpen() {
    assertTrue(AccessGuard.describe(ServerSettings.defaults(), WebConfig.none()).startsWith("no access control:"));
    WebConfig users = new WebConfig(Optional.empty(), Map.of(), Map.of("alice", new Secret("$2y$10$x")));
    assertTrue(AccessGuard.describe(ServerSettings.defaults(), users).startsWith("access control on: 1 user(s), 0 token(s)"));
  }
}
