package dev.tta.alertrouter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL of a test's own, on a fixed data folder and port, that can be stopped as
 * {@code pg_ctl stop -m immediate} stops it (SIGQUIT to the postmaster: every session ends at once,
 * no checkpoint, crash recovery at the next start) and started again where it was.
 */
final class RestartablePostgres implements AutoCloseable {
  private final Path data;
  private final int port;
  private EmbeddedPostgres running;

  private RestartablePostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  static RestartablePostgres start(Path data) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RestartablePostgres server = new RestartablePostgres(data, port);
    server.startAgain();
    return server;
  }

  /** A URL to a fresh database on this server. */
  String newDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(running.getJdbcUrl("postgres", "postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return running.getJdbcUrl("postgres", name);
  }

  /** SIGQUIT to the postmaster, as {@code pg_ctl stop -m immediate}; returns once it is gone. */
  void stopImmediately() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    // Its output is read here, never inherited: the test JVM's own output is surefire's channel.
    Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
    String said = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -QUIT " + pid + " failed: " + said.strip());
    }
    ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
    if (postmaster != null) {
      postmaster.onExit().get(60, TimeUnit.SECONDS);
    }
    // Releases the embedded server's lock on the data folder; its pg_ctl stop finds nothing to stop (logged).
    running.close();
    running = null;
  }

  /** Starts the server on its data folder and port (crash recovery after an immediate stop). */
  void startAgain() throws IOException {
    running = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("fsync", "off")
        // The embedded default is off, which loses commits of the last 200 ms at an immediate stop
        // (the test once lost the schema itself); a real server acknowledges only what it logged.
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  @Override
  public void close() throws IOException {
    if (running != null) {
      running.close();
    }
  }
}
