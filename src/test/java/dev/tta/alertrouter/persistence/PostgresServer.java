package dev.tta.alertrouter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the shared-store tests use: the one {@link #EXTERNAL_URL_VARIABLE} names
 * (CI runs the tests once more against Debian's PostgreSQL that way), or else an embedded
 * PostgreSQL whose binaries come from Maven, so the tests need no system package. Each test asks it
 * for a fresh database.
 */
final class PostgresServer implements AutoCloseable {
  /** A JDBC URL to a database on an external server, as a user allowed to create databases. */
  static final String EXTERNAL_URL_VARIABLE = "ALERT_ROUTER_TEST_POSTGRES_URL";

  private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");

  private final String adminUrl;
  private final String hostAndPort;
  private final String parameters;
  private final Optional<EmbeddedPostgres> embedded;

  private PostgresServer(String adminUrl, Optional<EmbeddedPostgres> embedded) {
    Matcher m = JDBC_URL.matcher(adminUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          EXTERNAL_URL_VARIABLE + " is not a jdbc:postgresql://HOST:PORT/DATABASE[?PARAMS] URL: " + adminUrl);
    }
    this.adminUrl = adminUrl;
    this.hostAndPort = m.group(1);
    this.parameters = m.group(3) == null ? "" : m.group(3);
    this.embedded = embedded;
  }

  /** Starts (or, where the variable names one, connects to) a server. */
  static PostgresServer start() throws IOException {
    String external = System.getenv(EXTERNAL_URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return new PostgresServer(external.strip(), Optional.empty());
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("fsync", "off")
        .setServerConfig("max_connections", "300")
        .start();
    return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), Optional.of(pg));
  }

  /** Which server this is, for messages: "embedded PostgreSQL 14" or the external address. */
  String describe() {
    return embedded.isPresent() ? "embedded PostgreSQL at " + hostAndPort : "external PostgreSQL at " + hostAndPort;
  }

  /** The server's {@code host:port}, for a proxy in front of it. */
  String hostAndPort() {
    return hostAndPort;
  }

  /**
   * A URL to a fresh, empty database of this server. The name is made unique, since an external
   * server keeps the databases of earlier runs.
   */
  String newDatabase(String name) throws SQLException {
    String database = (name.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + database + "\"");
    }
    return "jdbc:postgresql://" + hostAndPort + "/" + database + parameters;
  }

  /** The URL of {@link #newDatabase} with another host and port, e.g. a proxy's. */
  static String via(String url, String hostAndPort) {
    Matcher m = JDBC_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    return "jdbc:postgresql://" + hostAndPort + "/" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
  }

  @Override
  public void close() throws IOException {
    if (embedded.isPresent()) {
      embedded.get().close();
    }
  }
}
