package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.capture.CaptureStorage;
import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.cli.RootCommand;
import dev.tta.alertrouter.config.CaptureSettings;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The capture of replicas sharing a real PostgreSQL: one table, every replica's payloads, within its bounds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostgresExtension.class)
class SharedCaptureTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  PostgresServer server;
  ManualClock clock;
  String url;
  Persistence a;
  Persistence b;

  @BeforeAll
  void startServer(PostgresServer server) {
    this.server = server;
  }

  @BeforeEach
  void openReplicas(TestInfo test) throws Exception {
    clock = new ManualClock(T0);
    url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    a = Persistence.openJdbc(url, "replica-a", clock, (stale, held) -> {});
    b = Persistence.openJdbc(url, "replica-b", clock, (stale, held) -> {});
  }

  @AfterEach
  void closeReplicas() {
    a.close();
    b.close();
  }

  static CaptureRecord record(Instant at, String from, int n, Random random) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(new Alert(Labels.of("alertname", "A" + random.nextInt(50), "replica", from),
          Map.of("summary", "x".repeat(random.nextInt(200))), at.minusSeconds(60), at.plusSeconds(240),
          "http://prom/graph", at, false));
    }
    return new CaptureRecord(at, "prometheus", alerts);
  }

  @Test
  void whatEveryReplicaTookIsReadFromAnyInTimeOrder() throws Exception {
    Random random = new Random(17);
    List<CaptureRecord> sent = new ArrayList<>();
    try (CaptureWriter onA = new CaptureWriter(a.sharedCapture(CaptureSettings::defaults).orElseThrow(), 1000, r -> {});
         CaptureWriter onB = new CaptureWriter(b.sharedCapture(CaptureSettings::defaults).orElseThrow(), 1000, r -> {})) {
      for (int i = 0; i < 200; i++) {
        clock.advance(Duration.ofSeconds(1));
        boolean toA = random.nextBoolean();
        CaptureRecord r = record(clock.instant(), toA ? "a" : "b", 1 + random.nextInt(3), random);
        sent.add(r);
        (toA ? onA : onB).offer(r);
      }
      onA.flush();
      onB.flush();

      List<CaptureRecord> readOnA = new ArrayList<>();
      onA.storage().read(Instant.EPOCH, readOnA::add);
      assertEquals(sent, readOnA, "replica a reads b's payloads too, in time order");

      Instant since = T0.plusSeconds(150);
      ByteArrayOutputStream exported = new ByteArrayOutputStream();
      SqlCaptureTable.forReading(url).export(since, exported);
      List<String> expected = sent.stream().filter(r -> !r.receivedAt().isBefore(since))
          .map(CaptureCodec::line).toList();
      assertEquals(expected, exported.toString(StandardCharsets.UTF_8).lines().toList(),
          "an export without a server reads the same table");
    }
  }

  @Test
  void staysUnderItsSizeBoundUnderChurnFromTwoReplicas() throws Exception {
    long max = 64 * 1024;
    CaptureSettings settings = new CaptureSettings(true, Duration.ofHours(24), max);
    Random random = new Random(42);
    long written = 0;
    CaptureStorage onA = a.sharedCapture(() -> settings).orElseThrow();
    CaptureStorage onB = b.sharedCapture(() -> settings).orElseThrow();
    try (onA; onB) {
      for (int batch = 0; batch < 150; batch++) {
        CaptureStorage replica = batch % 2 == 0 ? onA : onB;
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
          clock.advance(Duration.ofMillis(500));
          CaptureRecord r = record(clock.instant(), replica == onA ? "a" : "b", 1 + random.nextInt(4), random);
          written += CaptureCodec.line(r).length() + 1;
          replica.append(r);
        }
        replica.flush();
        long held = tableBytes();
        assertTrue(held <= max, "over the bound after batch " + batch + ": " + held);
        assertEquals(held, replica.sizeBytes());
      }
      assertTrue(written > 4 * max, "the churn must exceed the bound several times: " + written);
      List<CaptureRecord> kept = new ArrayList<>();
      onA.read(Instant.EPOCH, kept::add);
      assertEquals(clock.instant(), kept.get(kept.size() - 1).receivedAt(), "the newest is kept");
      assertTrue(kept.get(0).receivedAt().isAfter(T0.plusSeconds(60)), "the oldest went first");
      long exported = kept.stream().mapToLong(r -> CaptureCodec.line(r).length() + 1).sum();
      assertTrue(exported <= max, "what an export holds is within max_size: " + exported);
    }
  }

  @Test
  void recordsOlderThanMaxAgeAreDroppedWhenIdle() throws Exception {
    CaptureSettings settings = new CaptureSettings(true, Duration.ofHours(1), 1024 * 1024);
    Random random = new Random(3);
    try (CaptureStorage onA = a.sharedCapture(() -> settings).orElseThrow()) {
      for (int i = 0; i < 120; i++) {
        clock.advance(Duration.ofMinutes(1));
        onA.append(record(clock.instant(), "a", 1, random));
      }
      onA.flush();
      clock.advance(Duration.ofMinutes(30));
      onA.prune();
      List<CaptureRecord> kept = new ArrayList<>();
      onA.read(Instant.EPOCH, kept::add);
      assertEquals(31, kept.size(), "minutes 90 (exactly max_age old) to 120 are kept");
      assertEquals(T0.plus(Duration.ofMinutes(90)), kept.get(0).receivedAt());
    }
  }

  @Test
  void twoServersShareOneCaptureThatEitherServesAndExportReads(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), "route: {receiver: a}\nreceivers: [{name: a}]\n");
    HttpClient client = HttpClient.newHttpClient();
    // Names of their own: the fixtures' two stores hold replica-a and replica-b in this database.
    try (App first = replica(config, dir, "server-a"); App second = replica(config, dir, "server-b")) {
      for (App app : List.of(first, second, first)) {
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/v2/alerts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"A\",\"port\":\"" + app.port() + "\"}}]"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        // Each server's own GET waits for its capture queue, so the other then reads the row.
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/v1/capture")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
      }
      String onSecond = client.send(HttpRequest.newBuilder(URI.create(base(second) + "/api/v1/capture")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      List<String> ports = onSecond.lines()
          .map(l -> CaptureCodec.parse(l).orElseThrow().alerts().get(0).labels().get("port")).toList();
      assertEquals(List.of(first.port(), second.port(), first.port()).stream().map(String::valueOf).toList(), ports,
          "every replica's intake, in time order, from either replica");
      assertFalse(Files.exists(dir.resolve("data-server-a").resolve(CaptureSegments.FOLDER)), "nothing kept locally");

      StringWriter exported = new StringWriter();
      CommandLine cli = RootCommand.commandLine();
      cli.setOut(new PrintWriter(exported));
      assertEquals(0, cli.execute("capture", "export", "--store", url));
      assertEquals(onSecond, exported.toString());
    }
  }

  private App replica(Path config, Path dir, String name) throws Exception {
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data-" + name), true,
        URI.create("http://127.0.0.1:9095"), LogFormat.TEXT, ExplainRecorder.DEFAULT_CAPACITY, Optional.of(url), name);
    return App.start(options, Clock.systemUTC(), Map.of());
  }

  private static String base(App app) {
    return "http://127.0.0.1:" + app.port();
  }

  @Test
  void aDatabaseOutageLosesBatchesNeverTheWriterAndItResumes() throws Exception {
    try (TcpProxy database = TcpProxy.to(server.hostAndPort())) {
      String viaProxy = PostgresServer.via(url, database.hostAndPort());
      Random random = new Random(11);
      try (Persistence c = Persistence.openJdbc(viaProxy, "replica-c", clock, (stale, held) -> {});
           CaptureWriter writer = new CaptureWriter(c.sharedCapture(CaptureSettings::defaults).orElseThrow(), 100, r -> {})) {
        CaptureRecord before = record(clock.instant(), "c", 1, random);
        writer.offer(before);
        writer.flush();
        database.cut();
        clock.advance(Duration.ofSeconds(1));
        writer.offer(record(clock.instant(), "c", 1, random));
        writer.flush(); // returns: the batch is logged and lost, nothing waits forever
        database.restore();
        clock.advance(Duration.ofSeconds(1));
        CaptureRecord after = record(clock.instant(), "c", 1, random);
        writer.offer(after);
        writer.flush();
        List<CaptureRecord> kept = new ArrayList<>();
        SqlCaptureTable.forReading(url).read(Instant.EPOCH, kept::add);
        assertEquals(List.of(before, after), kept, "the writer reconnected for the next batch");
      }
    }
  }

  @Test
  void sqliteKeepsItsCaptureInTheDataFolder(@TempDir Path data) {
    try (Persistence local = Persistence.open(data, clock, (stale, held) -> {})) {
      assertTrue(local.sharedCapture(CaptureSettings::defaults).isEmpty());
    }
  }

  private long tableBytes() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet row = s.executeQuery("SELECT COALESCE(SUM(bytes), 0) FROM capture")) {
      row.next();
      return row.getLong(1);
    }
  }
}
