package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tta.alertrouter.config.ServerSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminHttpTest {
  @TempDir Path dir;

  /**
   * A reload that really reads a YAML file, as the config loader will: {@code server.max_request_bytes}
   * becomes the new body limit; a file that does not parse keeps the old settings.
   */
  static ReloadAction reloadFrom(Path file, AtomicReference<ServerSettings> settings) {
    return () -> {
      try {
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        long max = root.path("server").path("max_request_bytes").asLong(-1);
        if (max <= 0) {
          return ReloadOutcome.failure(file.getFileName() + ": server.max_request_bytes must be a positive integer");
        }
        ServerSettings old = settings.get();
        settings.set(new ServerSettings(max, old.resolvedRetention(), old.intakeAuth(), old.adminAuth()));
        return ReloadOutcome.success();
      } catch (JsonProcessingException e) {
        return ReloadOutcome.failure(file.getFileName() + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
      } catch (IOException e) {
        return ReloadOutcome.failure(file.getFileName() + ": cannot read: " + e.getMessage());
      }
    };
  }

  @Test
  void healthyAlwaysAndReadyOnlyOnceConfigured() {
    try (TestServer server = TestServer.start()) {
      server.ready.set(false);
      assertEquals(200, server.get("/-/healthy").statusCode());
      HttpResponse<String> notReady = server.get("/-/ready");
      assertEquals(503, notReady.statusCode());
      assertEquals("not ready: configuration not loaded", notReady.body());

      server.ready.set(true);

      assertEquals(200, server.get("/-/ready").statusCode());
    }
  }

  @Test
  void successfulReloadAppliesNewSettingsAndIsCounted() throws IOException {
    Path config = dir.resolve("alertrouter.yml");
    Files.writeString(config, "server:\n  max_request_bytes: 64\n");
    try (TestServer server = new TestServer(ServerSettings.defaults(), s -> reloadFrom(config, s))) {
      HttpResponse<String> r = server.postJson("/-/reload", "");

      assertEquals(200, r.statusCode());
      assertEquals("{\"status\":\"success\"}", r.body());
      assertEquals(413, server.postJson("/api/v2/alerts", "[" + " ".repeat(100) + "]").statusCode());
      assertEquals(1.0, server.metric("alertrouter_config_reloads_total{result=\"success\"}"));
      assertEquals(0.0, server.metric("alertrouter_config_reloads_total{result=\"failure\"}"));
      assertEquals(1.0, server.metric("alertrouter_config_last_reload_successful"));
      assertEquals(TestServer.NOW.getEpochSecond(),
          server.metric("alertrouter_config_last_reload_success_timestamp_seconds"));
    }
  }

  @Test
  void failedReloadKeepsTheOldSettingsSaysWhyAndIsCounted() throws IOException {
    Path config = dir.resolve("alertrouter.yml");
    Files.writeString(config, "server:\n  max_request_bytes: 64\n");
    try (TestServer server = new TestServer(ServerSettings.defaults(), s -> reloadFrom(config, s))) {
      assertEquals(200, server.postJson("/-/reload", "").statusCode());
      Files.writeString(config, "server:\n  max_request_bytes: [\n");

      HttpResponse<String> r = server.postJson("/-/reload", "");

      assertEquals(500, r.statusCode());
      String error = TestServer.json(r).get("error").asText();
      assertTrue(error.startsWith("alertrouter.yml:2: while parsing a flow node"), error);
      assertEquals(64, server.settings.get().maxRequestBytes());
      assertEquals(1.0, server.metric("alertrouter_config_reloads_total{result=\"failure\"}"));
      assertEquals(0.0, server.metric("alertrouter_config_last_reload_successful"));
    }
  }

  @Test
  void reloadThatThrowsIsAFailureWithoutAStackTrace() {
    try (TestServer server = new TestServer(ServerSettings.defaults(), s -> () -> {
      throw new IllegalStateException("boom in loader");
    })) {
      HttpResponse<String> r = server.postJson("/-/reload", "");

      assertEquals(500, r.statusCode());
      assertEquals("{\"status\":\"error\",\"error\":\"reload failed unexpectedly: IllegalStateException\"}", r.body());
      assertEquals(1.0, server.metric("alertrouter_config_reloads_total{result=\"failure\"}"));
    }
  }

  @Test
  void requestDurationsAreLabelledByRouteTemplateNotRawPath() {
    try (TestServer server = TestServer.start()) {
      server.get("/api/v1/alerts?filter=team%3D%22x%22");
      server.get("/no/such/path/12345");

      String text = server.get("/metrics").body();

      assertTrue(text.contains(
          "alertrouter_http_request_duration_seconds_count{code=\"200\",handler=\"/api/v1/alerts\",method=\"GET\"} 1"),
          text);
      assertTrue(text.contains(
          "alertrouter_http_request_duration_seconds_count{code=\"404\",handler=\"unmatched\",method=\"GET\"} 1"));
      assertTrue(!text.contains("12345"));
    }
  }

  @Test
  void buildInfoCarriesTheVersion() {
    try (TestServer server = TestServer.start()) {
      assertEquals(1.0, server.metric("alertrouter_build_info{version=\"1.2.3-test\"}"));
    }
  }
}
