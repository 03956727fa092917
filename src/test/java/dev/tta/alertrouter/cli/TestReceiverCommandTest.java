package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test-receiver NAME}: locally from --config, and through a running server with --url. */
class TestReceiverCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpServer peer;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private Path config;

  @BeforeEach
  void peer() throws Exception {
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext("/", exchange -> {
      received.add(JSON.readTree(exchange.getRequestBody()));
      int status = exchange.getRequestURI().getPath().equals("/broken") ? 400 : 200;
      byte[] body = (status == 400 ? "no such hook" : "").getBytes();
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    peer.start();
    String base = "http://127.0.0.1:" + peer.getAddress().getPort();
    config = Files.writeString(dir.resolve("am.yml"), """
        route: {receiver: team}
        receivers:
          - name: team
            webhook_configs: [{url: '%s/ok'}]
          - name: mixed
            webhook_configs: [{url: '%s/ok'}, {url: '%s/broken'}]
        """.formatted(base, base, base));
  }

  @AfterEach
  void stop() {
    peer.stop(0);
  }

  @Test
  void sendsTheTestAlertThroughEachIntegrationAndSaysHowEachWent() {
    CommandRun run = CommandRun.of("test-receiver", "mixed", "--config", config.toString(), "severity=critical");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals("webhook[0]  delivered", lines[0]);
    assertTrue(lines[1].startsWith("webhook[1]  failed: "), lines[1]);
    assertTrue(lines[1].contains("400"), lines[1]);
    JsonNode labels = received.get(0).path("alerts").get(0).path("labels");
    assertEquals("AlertRouterTestNotification", labels.path("alertname").asText(), "the default alertname kept");
    assertEquals("critical", labels.path("severity").asText());
  }

  @Test
  void dryRunPrintsTheRenderedPayloadAndSendsNothing() {
    CommandRun run = CommandRun.of("test-receiver", "team", "--config", config.toString(), "--dry-run");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("webhook[0]  dry_run: "), run.out());
    assertTrue(run.out().contains("AlertRouterTestNotification"), run.out());
    assertEquals(List.of(), received);
  }

  @Test
  void anUnknownReceiverNamesTheKnownOnes() {
    CommandRun run = CommandRun.of("test-receiver", "nobody", "--config", config.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("no receiver nobody in " + config + "; receivers: team, mixed"), run.err());
  }

  @Test
  void withUrlTheRunningServerSendsIt() throws Exception {
    try (App app = App.start(new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://127.0.0.1:9095")), Clock.systemUTC(), Map.of())) {
      CommandRun run = CommandRun.of("test-receiver", "team", "--url", "http://127.0.0.1:" + app.port(), "alertname=Drill");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("webhook[0]  delivered", run.out().strip());
      assertEquals("Drill", received.get(0).path("alerts").get(0).path("labels").path("alertname").asText());
    }
  }
}
