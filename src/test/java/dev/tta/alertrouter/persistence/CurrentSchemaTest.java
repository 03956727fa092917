package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The quick schema check that lets a restart skip Flyway: only ever when Flyway would change nothing. */
@ExtendWith(PostgresExtension.class)
class CurrentSchemaTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T18:00:00Z"));
  @TempDir Path dataDir;

  @Test
  void aNewDatabaseIsNotCurrentAndOneFlywayMigratedIs() throws SQLException {
    try (Connection empty = sqlite()) {
      assertFalse(CurrentSchema.matches(empty, Dialect.SQLITE), "no history table yet");
    }
    Persistence.open(dataDir, clock, StaleAlertListener.IGNORE).close();

    try (Connection migrated = sqlite()) {
      // True only if this check computes Flyway's own checksum for every shipped script.
      assertTrue(CurrentSchema.matches(migrated, Dialect.SQLITE));
    }
  }

  @Test
  void aChangedScriptOrAMissingMigrationSendsTheStartThroughFlyway() throws SQLException {
    Persistence.open(dataDir, clock, StaleAlertListener.IGNORE).close();
    try (Connection connection = sqlite(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
      assertFalse(CurrentSchema.matches(connection, Dialect.SQLITE), "a script changed since it ran");

      statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
      assertTrue(CurrentSchema.matches(connection, Dialect.SQLITE));

      statement.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
      assertFalse(CurrentSchema.matches(connection, Dialect.SQLITE), "a migration failed");
    }
  }

  @Test
  void aStartAfterAChangedScriptIsStillRefusedByFlyway() throws SQLException {
    Persistence.open(dataDir, clock, StaleAlertListener.IGNORE).close();
    try (Connection connection = sqlite(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    }

    StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
        () -> Persistence.open(dataDir, clock, StaleAlertListener.IGNORE));
    assertTrue(refused.getMessage().contains("checksum"), refused.getMessage());
  }

  @Test
  void aMigratedPostgresqlDatabaseIsCurrent(PostgresServer server) throws Exception {
    String url = server.newDatabase("current_schema");
    Persistence.openJdbc(url, "replica-a", clock, StaleAlertListener.IGNORE).close();

    try (Connection connection = DriverManager.getConnection(url)) {
      assertTrue(CurrentSchema.matches(connection, Dialect.POSTGRESQL));
      assertEquals(CurrentSchema.shipped(Dialect.POSTGRESQL).keySet().size(), countApplied(connection));
    }
  }

  private static int countApplied(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private Connection sqlite() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Persistence.DATABASE_FILE).toAbsolutePath());
  }
}
