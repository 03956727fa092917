package dev.tta.alertrouter.http.auth;

import static dev.tta.alertrouter.http.auth.SecuredServer.basic;
import static dev.tta.alertrouter.http.auth.SecuredServer.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, roles, tokens and the trusted proxy header, over real HTTP to the whole server. */
class AccessControlHttpTest {
  private static final String SILENCE = """
      {"matchers":["team=\\"platform\\""],"startsAt":"2026-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z",
       "createdBy":"someone","comment":"maintenance"}""";
  private static final String ALERTS = "[{\"labels\":{\"alertname\":\"A\"}}]";
  private static String alice;
  private static String bob;
  private static String carol;

  @BeforeAll
  static void hashes() {
    alice = hash("alice-pw");
    bob = hash("bob-pw");
    carol = hash("carol-pw");
  }

  private static String users() {
    return "basic_auth_users:\n  alice: " + alice + "\n  bob: " + bob + "\n  carol: " + carol + "\n";
  }

  @Test
  void basicAuthChecksBcryptHashesAndLeavesProbesOpen(@TempDir Path dir) throws Exception {
    try (SecuredServer s = SecuredServer.start(dir, null, users())) {
      assertEquals(200, s.get("/api/v1/alerts", "Authorization", basic("alice", "alice-pw")).statusCode());
      assertEquals(200, s.get("/api/v1/alerts", "Authorization", basic("alice", "alice-pw")).statusCode(), "cached");

      HttpResponse<String> wrong = s.get("/api/v1/alerts", "Authorization", basic("alice", "alice-pW"));
      assertEquals(401, wrong.statusCode());
      assertEquals("Basic realm=\"alert-router\"", wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
      assertEquals("{\"status\":\"error\",\"error\":\"invalid user name or password\"}", wrong.body());
      assertEquals(401, s.get("/api/v1/alerts", "Authorization", basic("mallory", "alice-pw")).statusCode());
      HttpResponse<String> none = s.get("/api/v1/alerts");
      assertEquals(401, none.statusCode());
      assertEquals("{\"status\":\"error\",\"error\":\"authentication required\"}", none.body());
      assertEquals(401, s.get("/metrics").statusCode(), "metrics sit behind the same basic auth, as in Prometheus");
      assertEquals(401, s.get("/api/v1/alerts", "Authorization", "Digest foo").statusCode());

      assertEquals(200, s.get("/-/healthy").statusCode());
      assertEquals(200, s.get("/-/ready").statusCode());
      // Without roles, every user may do everything, as with Prometheus' basic_auth_users.
      assertEquals(200, s.post("/api/v1/silences", SILENCE, "Authorization", basic("carol", "carol-pw")).statusCode());

      assertEquals(3.0, s.refused("bad_credentials"));
      assertEquals(2.0, s.refused("missing_credentials"));
      assertEquals(0.0, s.refused("forbidden"));
      String metrics = s.get("/metrics", "Authorization", basic("bob", "bob-pw")).body();
      assertFalse(metrics.contains("alice-pw") || metrics.contains(alice), "no secret in metrics");
    }
  }

  @Test
  void rolesDecideWhoMayReadSilenceAndReload(@TempDir Path dir) throws Exception {
    String server = """
        server:
          auth:
            roles:
              admin: [alice]
              responder: [bob]
              viewer: ["*"]
        """;
    try (SecuredServer s = SecuredServer.start(dir, server, users())) {
      String viewer = basic("carol", "carol-pw");
      assertEquals(200, s.get("/api/v1/alerts", "Authorization", viewer).statusCode());
      assertEquals(200, s.get("/api/v1/silences", "Authorization", viewer).statusCode());
      assertEquals(200, s.get("/runbooks/", "Authorization", viewer).statusCode());
      HttpResponse<String> refused = s.post("/api/v1/silences", SILENCE, "Authorization", viewer);
      assertEquals(403, refused.statusCode());
      assertEquals("{\"status\":\"error\",\"error\":\"user \\\"carol\\\" may not POST /api/v1/silences:"
          + " that needs role responder\"}", refused.body());
      assertEquals(403, s.post("/-/reload", "", "Authorization", viewer).statusCode());
      assertEquals(403, s.post("/api/v2/alerts", ALERTS, "Authorization", viewer).statusCode());

      String responder = basic("bob", "bob-pw");
      HttpResponse<String> created = s.post("/api/v1/silences", SILENCE, "Authorization", responder);
      assertEquals(200, created.statusCode(), created.body());
      String id = created.body().replaceAll(".*\"silenceID\":\"([^\"]+)\".*", "$1");
      assertEquals(200, s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/silences/" + id)).DELETE(),
          "Authorization", responder).statusCode());
      assertEquals(403, s.post("/-/reload", "", "Authorization", responder).statusCode());

      assertEquals(200, s.post("/-/reload", "", "Authorization", basic("alice", "alice-pw")).statusCode());
      assertEquals(200, s.post("/api/v2/alerts", ALERTS, "Authorization", basic("alice", "alice-pw")).statusCode());
      assertEquals(4.0, s.refused("forbidden"));
    }
  }

  @Test
  void alertmanagersV2SilencesNeedTheResponderRoleAndAreAuthoredByTheUser(@TempDir Path dir) throws Exception {
    String server = """
        server:
          auth:
            roles:
              responder: [bob]
              viewer: ["*"]
        """;
    String v2Silence = """
        {"matchers":[{"name":"team","value":"platform","isRegex":false,"isEqual":true}],
         "startsAt":"2026-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","createdBy":"someone else","comment":"maintenance"}""";
    try (SecuredServer s = SecuredServer.start(dir, server, users())) {
      String viewer = basic("carol", "carol-pw");
      assertEquals(200, s.get("/api/v2/silences", "Authorization", viewer).statusCode());
      assertEquals(403, s.post("/api/v2/silences", v2Silence, "Authorization", viewer).statusCode());
      assertEquals(401, s.post("/api/v2/silences", v2Silence).statusCode());

      String responder = basic("bob", "bob-pw");
      HttpResponse<String> created = s.post("/api/v2/silences", v2Silence, "Authorization", responder);
      assertEquals(200, created.statusCode(), created.body());
      String id = created.body().replaceAll(".*\"silenceID\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> read = s.get("/api/v2/silence/" + id, "Authorization", viewer);
      assertEquals(200, read.statusCode());
      assertTrue(read.body().contains("\"createdBy\":\"bob\""), read.body());
      assertEquals(403, s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v2/silence/" + id)).DELETE(),
          "Authorization", viewer).statusCode());
      assertEquals(200, s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v2/silence/" + id)).DELETE(),
          "Authorization", responder).statusCode());
    }
  }

  @Test
  void theWebUisPagesNeedAViewerAndItsFormsTheRoleTheirApiNeeds(@TempDir Path dir) throws Exception {
    String server = """
        server:
          auth:
            roles:
              responder: [bob]
              viewer: ["*"]
        """;
    try (SecuredServer s = SecuredServer.start(dir, server, users())) {
      assertEquals(401, s.get("/alerts").statusCode());
      String viewer = basic("carol", "carol-pw");
      assertEquals(200, s.get("/alerts", "Authorization", viewer).statusCode());
      assertEquals(200, s.get("/silences", "Authorization", viewer).statusCode());
      HttpResponse<String> form = s.post("/silences", "matchers=team%3D%22platform%22", "Authorization", viewer);
      assertEquals(403, form.statusCode());
      assertTrue(form.body().contains("that needs role responder"), form.body());
      HttpResponse<String> reload = s.post("/status/reload", "", "Authorization", basic("bob", "bob-pw"));
      assertEquals(403, reload.statusCode());
      assertTrue(reload.body().contains("that needs role admin"), reload.body());
    }
  }

  @Test
  void tokensIdentifyByNameWithTheirRole(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("prometheus.token"), "intake-s3cret\n");
    Files.writeString(dir.resolve("grafana.token"), "grafana-s3cret");
    String server = """
        server:
          auth:
            tokens:
              - {name: prometheus, token_file: prometheus.token, role: intake}
              - {name: grafana, credentials_file: grafana.token, role: viewer}
        """;
    try (SecuredServer s = SecuredServer.start(dir, server, null)) {
      assertEquals(200, s.post("/api/v2/alerts", ALERTS, "Authorization", "Bearer intake-s3cret").statusCode());
      assertEquals(403, s.get("/api/v1/alerts", "Authorization", "Bearer intake-s3cret").statusCode());
      assertEquals(200, s.get("/api/v1/alerts", "Authorization", "Bearer grafana-s3cret").statusCode());
      assertEquals(200, s.get("/metrics", "Authorization", "Bearer grafana-s3cret").statusCode());
      HttpResponse<String> forbidden = s.post("/api/v2/alerts", ALERTS, "Authorization", "Bearer grafana-s3cret");
      assertEquals(403, forbidden.statusCode());
      assertTrue(forbidden.body().contains("token \\\"grafana\\\" may not POST /api/v2/alerts"), forbidden.body());
      HttpResponse<String> bad = s.post("/api/v2/alerts", ALERTS, "Authorization", "Bearer intake-s3cre");
      assertEquals(401, bad.statusCode());
      assertEquals("Bearer realm=\"alert-router\"", bad.headers().firstValue("WWW-Authenticate").orElseThrow());
      assertFalse(bad.body().contains("s3cret"));
      assertEquals(1.0, s.refused("bad_credentials"));
      assertEquals(2.0, s.refused("forbidden"));
    }
  }

  @Test
  void theTrustedHeaderIsTakenOnlyFromTrustedProxies(@TempDir Path dir) throws Exception {
    String trusted = """
        server:
          auth:
            roles: {responder: ["*@tta.dev"], viewer: ["*"]}
            trusted_header: {proxies: [127.0.0.0/8]}
        """;
    try (SecuredServer s = SecuredServer.start(dir, trusted, null)) {
      assertEquals(200, s.get("/api/v1/alerts", "X-Forwarded-Email", "dana@tta.dev").statusCode());
      assertEquals(200, s.post("/api/v1/silences", SILENCE, "X-Forwarded-Email", "dana@tta.dev").statusCode());
      assertEquals(403, s.post("/api/v1/silences", SILENCE, "X-Forwarded-Email", "eve@elsewhere.dev").statusCode());
      assertEquals(401, s.get("/api/v1/alerts").statusCode());
    }
  }

  @Test
  void theTrustedHeaderFromAnyOtherAddressIsRefused(@TempDir Path dir) throws Exception {
    String untrusted = """
        server:
          auth:
            roles: {viewer: ["*"]}
            trusted_header: {name: X-Auth-Request-Email, proxies: [10.0.0.0/8, "fd00::/8"]}
        """;
    try (SecuredServer s = SecuredServer.start(dir, untrusted, null)) {
      HttpResponse<String> r = s.get("/api/v1/alerts", "X-Auth-Request-Email", "dana@tta.dev");
      assertEquals(401, r.statusCode());
      assertTrue(r.body().contains("X-Auth-Request-Email is only trusted from the configured proxies"), r.body());
      assertEquals(1.0, s.refused("untrusted_proxy"));
    }
  }

  @Test
  void configuredHeadersAreOnEveryAnswer(@TempDir Path dir) throws Exception {
    String web = users() + "http_server_config:\n  headers:\n    X-Frame-Options: deny\n    X-Content-Type-Options: nosniff\n";
    try (SecuredServer s = SecuredServer.start(dir, null, web)) {
      for (HttpResponse<String> r : new HttpResponse[] {s.get("/-/healthy"), s.get("/api/v1/alerts"),
          s.get("/no/such/page", "Authorization", basic("bob", "bob-pw"))}) {
        assertEquals("deny", r.headers().firstValue("X-Frame-Options").orElse(null), r.uri().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
      }
    }
  }

  @Test
  void usersHeadersAndRolesReloadWithTheConfiguration(@TempDir Path dir) throws Exception {
    String server = "server:\n  auth:\n    roles: {admin: [alice], viewer: [bob]}\n";
    try (SecuredServer s = SecuredServer.start(dir, server, users())) {
      assertEquals(403, s.post("/api/v1/silences", SILENCE, "Authorization", basic("bob", "bob-pw")).statusCode());
      String newBob = hash("bob-new-pw");
      Files.writeString(s.web, "basic_auth_users:\n  alice: " + alice + "\n  bob: " + newBob
          + "\nhttp_server_config: {headers: {X-Frame-Options: sameorigin}}\n");
      Files.writeString(s.routing, SecuredServer.ROUTE + "server:\n  auth:\n    roles: {admin: [alice], responder: [bob]}\n");

      assertEquals(200, s.post("/-/reload", "", "Authorization", basic("alice", "alice-pw")).statusCode());

      assertEquals(401, s.get("/api/v1/alerts", "Authorization", basic("bob", "bob-pw")).statusCode());
      HttpResponse<String> r = s.post("/api/v1/silences", SILENCE, "Authorization", basic("bob", "bob-new-pw"));
      assertEquals(200, r.statusCode());
      assertEquals("sameorigin", r.headers().firstValue("X-Frame-Options").orElse(null));
      assertEquals(401, s.get("/api/v1/alerts", "Authorization", basic("carol", "carol-pw")).statusCode());
    }
  }

  @Test
  void aBadWebConfigAtReloadKeepsTheRunningOne(@TempDir Path dir) throws Exception {
    try (SecuredServer s = SecuredServer.start(dir, null, users())) {
      Files.writeString(s.web, "basic_auth_users:\n  alice: $2y$04$abcdefghijklmnopqrstuuJm1yqPjDgvTFm7XL3kw9FiZgPLqs0zy\n");
      HttpResponse<String> r = s.post("/-/reload", "", "Authorization", basic("alice", "alice-pw"));
      assertEquals(500, r.statusCode());
      assertTrue(r.body().contains("web.yml:2: basic_auth_users.alice: bcrypt cost 4 is below 10"), r.body());
      assertFalse(r.body().contains("$2y$04$"), "the hash is not repeated");
      assertEquals(200, s.get("/api/v1/alerts", "Authorization", basic("carol", "carol-pw")).statusCode());
    }
  }

  @Test
  void withoutWebConfigAndRolesEverythingIsOpenAsBefore(@TempDir Path dir) throws Exception {
    try (SecuredServer s = SecuredServer.start(dir, null, null)) {
      assertEquals(200, s.get("/api/v1/alerts").statusCode());
      assertEquals(200, s.post("/api/v1/silences", SILENCE).statusCode());
      assertEquals(200, s.post("/-/reload", "").statusCode());
      assertEquals(0.0, s.refused("missing_credentials"));
    }
  }
}
