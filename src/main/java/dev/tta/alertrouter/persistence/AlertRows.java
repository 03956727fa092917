package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;

/** Maps alerts to rows of the {@code alerts} table and back; the SQL is the same for SQLite and PostgreSQL. */
final class AlertRows {
  private static final String UPSERT =
      "INSERT INTO alerts (fingerprint, labels, annotations, starts_at, ends_at, ends_at_by_timeout,"
          + " generator_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (fingerprint) DO UPDATE SET labels = excluded.labels,"
          + " annotations = excluded.annotations, starts_at = excluded.starts_at,"
          + " ends_at = excluded.ends_at, ends_at_by_timeout = excluded.ends_at_by_timeout,"
          + " generator_url = excluded.generator_url, updated_at = excluded.updated_at";

  /** Deletes a row only if it still holds the version pruning looked at. */
  static final String DELETE_IF_UNCHANGED = "DELETE FROM alerts WHERE fingerprint = ? AND updated_at = ?";

  private static final String COLUMNS =
      "fingerprint, labels, annotations, starts_at, ends_at, ends_at_by_timeout, generator_url, updated_at";

  static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM alerts";

  /** PostgreSQL: the rows written since a change number, with their number (9) and writer (10). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM alerts WHERE change_seq > ? ORDER BY change_seq";

  private final JsonColumns json;
  private final String upsert;

  AlertRows(JsonColumns json, Dialect dialect) {
    this.json = Objects.requireNonNull(json, "json");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
  }

  String upsert() {
    return upsert;
  }

  /**
   * An incoming alert with its JSON columns written, or not yet (null). Callers encode on their own
   * threads, so the single writer thread does not: a merge keeps the held copy's labels and
   * annotations or the incoming copy's, equal to them either way when they changed nothing else,
   * and {@link #bindUpsert} reuses the text then. A copy that only renews {@code endsAt} is most
   * likely not written now, so it is not encoded first ({@link #unencoded}): whoever writes it
   * encodes it.
   */
  record Encoded(Alert alert, String labels, String annotations) {
    static Encoded unencoded(Alert alert) {
      return new Encoded(alert, null, null);
    }
  }

  Encoded encode(Alert alert) {
    return new Encoded(alert, json.labels(alert.labels()), json.map(alert.annotations()));
  }

  /** Binds {@code alert}, the merge of {@code incoming} with what was held. */
  void bindUpsert(PreparedStatement statement, Alert alert, Encoded incoming) throws SQLException {
    statement.setLong(1, alert.fingerprint().value());
    Alert source = incoming.alert();
    statement.setString(2, incoming.labels() != null && sameContent(alert.labels(), source.labels())
        ? incoming.labels()
        : json.labels(alert.labels()));
    statement.setString(3, incoming.annotations() != null && sameContent(alert.annotations(), source.annotations())
        ? incoming.annotations()
        : json.map(alert.annotations()));
    statement.setString(4, alert.startsAt().toString());
    if (alert.endsAt() == null) {
      statement.setNull(5, Types.VARCHAR);
    } else {
      statement.setString(5, alert.endsAt().toString());
    }
    statement.setInt(6, alert.endsAtByTimeout() ? 1 : 0);
    statement.setString(7, alert.generatorUrl());
    statement.setString(8, alert.updatedAt().toString());
  }

  private static boolean sameContent(Object written, Object encoded) {
    return written == encoded || written.equals(encoded);
  }

  static void bindDelete(PreparedStatement statement, Alert alert) throws SQLException {
    statement.setLong(1, alert.fingerprint().value());
    statement.setString(2, alert.updatedAt().toString());
  }

  Alert read(ResultSet row) throws SQLException {
    String endsAt = row.getString(5);
    return new Alert(
        json.parseLabels(row.getString(2)),
        json.parseMap(row.getString(3)),
        Instant.parse(row.getString(4)),
        endsAt == null ? null : Instant.parse(endsAt),
        row.getString(7),
        Instant.parse(row.getString(8)),
        row.getInt(6) != 0,
        new Fingerprint(row.getLong(1)));
  }
}
