package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.mute.Silence;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Maps silences to rows of the {@code silences} table and back. */
final class SilenceRows {
  private static final String UPSERT =
      "INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment, updated_at,"
          + " recurrence, owner, reminded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET matchers = excluded.matchers,"
          + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
          + " created_by = excluded.created_by, comment = excluded.comment,"
          + " updated_at = excluded.updated_at, recurrence = excluded.recurrence, owner = excluded.owner,"
          + " reminded = excluded.reminded";

  static final String DELETE = "DELETE FROM silences WHERE id = ?";

  /** Deletes a row only if it still holds the version pruning looked at. */
  static final String DELETE_IF_UNCHANGED = "DELETE FROM silences WHERE id = ? AND updated_at = ?";

  private static final String COLUMNS =
      "id, matchers, starts_at, ends_at, created_by, comment, updated_at, recurrence, owner, reminded";

  static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM silences";

  /** PostgreSQL: the rows written since a change number, with their number (11) and writer (12). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM silences WHERE change_seq > ? ORDER BY change_seq";

  private final JsonColumns json;
  private final String upsert;

  SilenceRows(JsonColumns json, Dialect dialect) {
    this.json = Objects.requireNonNull(json, "json");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
  }

  String upsert() {
    return upsert;
  }

  void bindUpsert(PreparedStatement statement, Silence silence) throws SQLException {
    statement.setString(1, silence.id());
    statement.setString(2, json.matchers(silence.matchers()));
    statement.setString(3, silence.startsAt().toString());
    statement.setString(4, silence.endsAt().toString());
    statement.setString(5, silence.createdBy());
    statement.setString(6, silence.comment());
    statement.setString(7, silence.updatedAt().toString());
    statement.setString(8, json.strings(silence.recurrence()));
    statement.setString(9, silence.owner().orElse(null));
    statement.setString(10, json.strings(silence.reminded().stream().sorted().toList()));
  }

  Silence read(ResultSet row) throws SQLException {
    return new Silence(
        row.getString(1),
        json.parseMatchers(row.getString(2)),
        Instant.parse(row.getString(3)),
        Instant.parse(row.getString(4)),
        row.getString(5),
        row.getString(6),
        Instant.parse(row.getString(7)),
        json.parseStrings(row.getString(8)),
        Optional.ofNullable(row.getString(9)),
        Set.copyOf(json.parseStrings(row.getString(10))));
  }
}
