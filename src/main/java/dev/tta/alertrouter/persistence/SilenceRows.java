package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.mute.Silence;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/** Maps silences to rows of the {@code silences} table and back. */
final class SilenceRows {
  static final String UPSERT =
      "INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET matchers = excluded.matchers,"
          + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
          + " created_by = excluded.created_by, comment = excluded.comment,"
          + " updated_at = excluded.updated_at";

  static final String DELETE = "DELETE FROM silences WHERE id = ?";

  /** Deletes a row only if it still holds the version pruning looked at. */
  static final String DELETE_IF_UNCHANGED = "DELETE FROM silences WHERE id = ? AND updated_at = ?";

  static final String SELECT_ALL =
      "SELECT id, matchers, starts_at, ends_at, created_by, comment, updated_at FROM silences";

  private final JsonColumns json;

  SilenceRows(JsonColumns json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  void bindUpsert(PreparedStatement statement, Silence silence) throws SQLException {
    statement.setString(1, silence.id());
    statement.setString(2, json.matchers(silence.matchers()));
    statement.setString(3, silence.startsAt().toString());
    statement.setString(4, silence.endsAt().toString());
    statement.setString(5, silence.createdBy());
    statement.setString(6, silence.comment());
    statement.setString(7, silence.updatedAt().toString());
  }

  Silence read(ResultSet row) throws SQLException {
    return new Silence(
        row.getString(1),
        json.parseMatchers(row.getString(2)),
        Instant.parse(row.getString(3)),
        Instant.parse(row.getString(4)),
        row.getString(5),
        row.getString(6),
        Instant.parse(row.getString(7)));
  }
}
