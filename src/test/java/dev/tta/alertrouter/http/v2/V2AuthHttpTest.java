package dev.tta.alertrouter.http.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating and expiring silences through v2 needs {@code server.admin_auth}, as through v1; reading does not. */
class V2AuthHttpTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final String SILENCE = "{\"matchers\":[{\"name\":\"a\",\"value\":\"b\",\"isRegex\":false}],"
      + "\"startsAt\":\"2026-12-03T12:00:00Z\",\"endsAt\":\"2026-12-03T13:00:00Z\",\"createdBy\":\"me\",\"comment\":\"c\"}";

  @TempDir Path dir;

  HttpResponse<String> send(V2Server server, String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return server.send(b);
  }

  @Test
  void silenceWritesNeedAdminAuth() throws Exception {
    String config = V2Server.CONFIG + """
        server:
          admin_auth:
            bearer_token: adm1n-token
        """;
    try (V2Server server = V2Server.start(dir, NOW, config)) {
      assertEquals(401, send(server, "POST", "/api/v2/silences", SILENCE, null).statusCode());
      assertEquals(401, send(server, "POST", "/api/v2/silences", SILENCE, "wrong").statusCode());
      assertEquals("[]", server.get("/api/v2/silences").body());

      HttpResponse<String> created = send(server, "POST", "/api/v2/silences", SILENCE, "adm1n-token");
      assertEquals(200, created.statusCode(), created.body());
      String id = V2Server.json(created).path("silenceID").asText();
      assertEquals(401, send(server, "DELETE", "/api/v2/silence/" + id, null, null).statusCode());
      assertEquals("active", V2Server.json(server.get("/api/v2/silence/" + id)).path("status").path("state").asText());
      assertEquals(200, send(server, "DELETE", "/api/v2/silence/" + id, null, "adm1n-token").statusCode());

      String original = V2Server.json(server.get("/api/v2/status")).path("config").path("original").asText();
      assertTrue(original.contains("bearer_token: <secret>"), original);
      assertFalse(original.contains("adm1n-token"), original);
    }
  }
}
