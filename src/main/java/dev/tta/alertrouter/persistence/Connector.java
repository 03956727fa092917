package dev.tta.alertrouter.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** How to reach one database: connections with the settings it needs, and its schema migrations. */
final class Connector {
  /** The WAL is truncated back to this size after a checkpoint, so it cannot grow without bound. */
  private static final int WAL_SIZE_LIMIT_BYTES = 16 << 20;

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final Dialect dialect;
  private final DataSource dataSource;
  private final String description;

  private Connector(Dialect dialect, DataSource dataSource, String description) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * An SQLite file in WAL mode with {@code synchronous=FULL}: every commit is fsynced before it
   * returns, so a committed write survives a power cut as well as a killed process. Group commit
   * shares that fsync among all writes waiting at the time.
   */
  static Connector sqlite(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    config.setCacheSize(-32768);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return new Connector(Dialect.SQLITE, dataSource, file.toString());
  }

  /**
   * A PostgreSQL database named by a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…}). The
   * URL may carry credentials, so it is never printed: {@link #toString()} names host and database only.
   */
  static Connector postgresql(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    if (!url.contains("connectTimeout=")) {
      dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS); // the driver waits 10 s; intake waits on it
    }
    dataSource.setTcpKeepAlive(true);
    String where = dataSource.getServerNames()[0] + ":" + dataSource.getPortNumbers()[0] + "/" + dataSource.getDatabaseName();
    return new Connector(Dialect.POSTGRESQL, dataSource, "postgresql://" + where);
  }

  Dialect dialect() {
    return dialect;
  }

  Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * Brings the schema to the newest version this build knows; a no-op when it is there, told
   * without starting Flyway when the history table says so ({@link CurrentSchema}).
   */
  void migrate() {
    try (Connection connection = connect()) {
      if (CurrentSchema.matches(connection, dialect)) {
        return;
      }
    } catch (SQLException e) {
      // Flyway reports it, with its own context.
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrations())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  @Override
  public String toString() {
    return description;
  }
}
