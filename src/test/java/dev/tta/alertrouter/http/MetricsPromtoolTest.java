package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.Peers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /metrics} as Prometheus' own linter reads it, after traffic has filled every family. */
class MetricsPromtoolTest {

  static Path requirePromtool() {
    return Peers.require("promtool", "prometheus");
  }

  @Test
  void metricsAreCleanUnderPromtoolCheckMetrics() throws Exception {
    Path promtool = requirePromtool();
    String text;
    try (TestServer server = TestServer.start()) {
      server.metrics.configLoaded(TestServer.NOW);
      server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-mixed-firing-resolved.json"));
      server.postFile("/api/v1/alertmanager", TestServer.AM_FIXTURES.resolve("webhook-firing-truncated.json"));
      server.postFile("/api/v2/alerts", TestServer.PUSH_FIXTURE);
      server.postJson("/api/v2/alerts", "[{\"labels\":{\"bad-name\":\"x\"}}]");
      server.postJson("/-/reload", "");
      server.get("/nowhere");
      HttpResponse<String> r = server.get("/metrics");
      assertEquals(200, r.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
      text = r.body();
    }
    assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics registered");
    assertTrue(text.contains("process_cpu_seconds_total"), "process metrics registered");

    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool finished");

    assertEquals("", output.strip());
    assertEquals(0, p.exitValue());
  }

  @Test
  void openMetricsIsServedWhenAsked() throws IOException {
    try (TestServer server = TestServer.start()) {
      HttpResponse<String> r = server.get("/metrics", "Accept", "application/openmetrics-text;version=1.0.0");

      assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
          r.headers().firstValue("Content-Type").orElse(""));
      assertTrue(r.body().endsWith("# EOF\n"));
    }
  }
}
