package dev.tta.alertrouter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The writer's connection, in manual-commit mode, with its prepared statements kept for reuse:
 * preparing a statement costs more than running it, and the same few statements run in every batch.
 * Used by one thread only.
 */
final class WriteSession implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  WriteSession(Connection connection) throws SQLException {
    this.connection = Objects.requireNonNull(connection, "connection");
    connection.setAutoCommit(false);
  }

  /** The statement for {@code sql}, prepared once per session; its batch and parameters are cleared. */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    } else {
      statement.clearParameters();
    }
    return statement;
  }

  Connection connection() {
    return connection;
  }

  void commit() throws SQLException {
    connection.commit();
  }

  void rollback() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
    statements.clear();
    connection.close();
  }
}
