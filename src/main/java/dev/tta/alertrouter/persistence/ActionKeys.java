package dev.tta.alertrouter.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;

/**
 * The key action links are signed with (table {@code action_keys}): created at the first start, read
 * at every start. Inserted with {@code ON CONFLICT DO NOTHING} and then read back, so replicas
 * starting together on one PostgreSQL database all end up with the first one's key.
 */
final class ActionKeys {
  static final int KEY_BYTES = 32;
  private static final String NAME = "links";

  private ActionKeys() {}

  /**
   * The stored key, creating it first when there is none. The random generator is only set up
   * then: seeding one took a tenth of the store's opening at each restart.
   */
  static byte[] readOrCreate(Connection connection, Instant now) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try {
      byte[] stored = read(connection);
      if (stored != null) {
        return stored;
      }
      byte[] fresh = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO action_keys (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        insert.setString(1, NAME);
        insert.setString(2, Base64.getEncoder().encodeToString(fresh));
        insert.setString(3, now.toString());
        insert.executeUpdate();
      }
      // Another replica sharing the database may have inserted its key first: that one is everyone's.
      byte[] kept = read(connection);
      if (kept == null) {
        throw new SQLException("action_keys holds no key after inserting one");
      }
      return kept;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The stored key, or null when there is none yet. */
  private static byte[] read(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM action_keys WHERE name = ?")) {
      select.setString(1, NAME);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Base64.getDecoder().decode(row.getString(1)) : null;
      }
    }
  }
}
