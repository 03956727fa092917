package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers ({@code Main serve}, each in a JVM of its own) with one {@code --replica} name on
 * one PostgreSQL: the second exits non-zero saying which name and what to do; the first serves on
 * and loses nothing it acknowledged; killed with SIGKILL, it leaves the name free for its restart.
 * Two servers on one SQLite data folder: the second exits likewise.
 */
@ExtendWith(PostgresExtension.class)
class ReplicaNameProcessTest {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @Test
  void aSecondServerWithTheSameReplicaNameRefusesToStartAndTheFirstServesOn(PostgresServer server) throws Exception {
    String url = server.newDatabase("replica_name_process");
    Path rules = Files.writeString(dir.resolve("router.yml"), "route: {receiver: team}\nreceivers: [{name: team}]\n");
    List<String> acknowledged = new ArrayList<>();

    Server first = serve(rules, url, "twin", "first");
    try {
      int port = awaitReady(first, "first");
      acknowledged.addAll(post(port, "before"));

      Process second = serve(rules, url, "twin", "second").process();
      assertTrue(second.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "the second server exits");
      String said = Files.readString(log("second"));
      System.out.println("the second server said:\n" + said);
      assertNotEquals(0, second.exitValue(), said);
      assertTrue(said.contains("alert-router did not start: another live alert-router replica holds the name \"twin\""), said);
      assertTrue(said.contains("--replica"), said);

      assertEquals(200, ready(port), "the first is still ready");
      acknowledged.addAll(post(port, "after"));
    } finally {
      first.process().destroyForcibly(); // SIGKILL: the database ends its session, and the lock on the name with it
      first.process().waitFor(30, TimeUnit.SECONDS);
    }

    Server restarted = serve(rules, url, "twin", "restarted");
    try {
      awaitReady(restarted, "restarted");
    } finally {
      restarted.process().destroy();
      restarted.process().waitFor(30, TimeUnit.SECONDS);
    }
    try (Persistence checker = Persistence.openJdbc(url, "checker", new ManualClock(Instant.now()), StaleAlertListener.IGNORE)) {
      List<String> lost = acknowledged.stream()
          .filter(name -> checker.alerts().get(Labels.of("alertname", name).fingerprint()).isEmpty())
          .toList();
      assertEquals(List.of(), lost, "acknowledged by the first server, then lost");
    }
  }

  /** SQLite, for comparison: the data folder's lock keeps a second process off it, as the name does. */
  @Test
  void aSecondServerOnTheSameSqliteDataFolderRefusesToStart() throws Exception {
    Path rules = Files.writeString(dir.resolve("router.yml"), "route: {receiver: team}\nreceivers: [{name: team}]\n");
    Server first = start(rules, "sqlite-first", dir.resolve("shared-data"));
    try {
      int port = awaitReady(first, "sqlite-first");
      Process second = start(rules, "sqlite-second", dir.resolve("shared-data")).process();
      assertTrue(second.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "the second server exits");
      String said = Files.readString(log("sqlite-second"));
      assertNotEquals(0, second.exitValue(), said);
      assertTrue(said.contains("alert-router did not start: the data folder") && said.contains("is in use by another alert-router"), said);
      assertEquals(200, ready(port), "the first is still ready");
      post(port, "sqlite");
    } finally {
      first.process().destroyForcibly();
      first.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A server process and the port it listens on. */
  private record Server(Process process, int port) {}

  private Server serve(Path rules, String url, String replica, String name) throws IOException {
    return start(rules, name, dir.resolve("data-" + name), "--store", url, "--replica", replica);
  }

  private Server start(Path rules, String name, Path data, String... options) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.tta.alertrouter.Main", "serve", "--config", rules.toString(), "--listen", "127.0.0.1:" + port,
        "--data", data.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log(name).toFile())
        .start();
    return new Server(process, port);
  }

  private Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** Waits (bounded) until the server answers {@code /-/ready} with 200; returns its port. */
  private int awaitReady(Server server, String name) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    while (ready(server.port()) != 200) {
      if (!server.process().isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " did not become ready:\n" + Files.readString(log(name)));
      }
      Thread.onSpinWait();
    }
    return server.port();
  }

  private int ready(int port) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }

  /** Posts ten alerts; returns their names once the server answered 200 for them. */
  private List<String> post(int port, String prefix) throws Exception {
    List<String> names = new ArrayList<>();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      String name = prefix + i;
      names.add(name);
      body.append(i == 0 ? "" : ",").append("{\"labels\": {\"alertname\": \"").append(name).append("\"}}");
    }
    body.append(']');
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return names;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
