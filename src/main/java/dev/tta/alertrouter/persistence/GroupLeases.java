package dev.tta.alertrouter.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which replica flushes which aggregation group (PostgreSQL only). A replica takes or renews a
 * group's lease at each flush of it, for one group_interval of database time: while it lives it
 * renews in time and keeps the group; once it dies its leases lapse and the next replica to flush
 * the group takes it, within one group_interval of the flush the dead one missed.
 */
final class GroupLeases {
  private static final String ACQUIRE =
      "WITH previous AS (SELECT owner FROM group_leases WHERE group_key = ?)"
          + " INSERT INTO group_leases (group_key, owner, expires_at)"
          + " VALUES (?, ?, ?)"
          + " ON CONFLICT (group_key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
          + " WHERE group_leases.owner = excluded.owner OR group_leases.expires_at <= ?"
          + " RETURNING (SELECT owner FROM previous)";

  /**
   * Leases of other replicas that lapsed: their groups may exist on no live replica. SKIP LOCKED
   * leaves alone a lease another transaction is taking right now.
   */
  private static final String LAPSED =
      "SELECT group_key FROM group_leases WHERE owner <> ? AND expires_at <= ?"
          + " ORDER BY group_key LIMIT 1000 FOR UPDATE SKIP LOCKED";

  private static final String DELETE_LAPSED =
      "DELETE FROM group_leases WHERE group_key = ? AND expires_at <= ?";

  private static final String DELETE_LAPSED_BEFORE =
      "DELETE FROM group_leases WHERE expires_at < ?";

  private static final String HOLDERS =
      "SELECT DISTINCT owner FROM group_leases WHERE expires_at > ? ORDER BY owner";

  private static final String LIST =
      "SELECT group_key, owner, expires_at FROM group_leases ORDER BY owner, group_key LIMIT ?";

  private final GroupCommitWriter writer;
  private final String replica;

  GroupLeases(GroupCommitWriter writer, String replica) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.replica = Objects.requireNonNull(replica, "replica");
  }

  /** What one attempt to take a group's lease found. */
  enum Outcome {
    /** Another replica holds it: this one must not flush the group. */
    HELD_BY_PEER,
    /** This replica held it already and renewed it. */
    RENEWED,
    /** This replica took it: the group was new, or its owner's lease lapsed. */
    TAKEN;

    boolean mayFlush() {
      return this != HELD_BY_PEER;
    }
  }

  /**
   * Takes or renews the lease of {@code groupKey} from {@code now} for {@code term}; committed when
   * it returns. Times are the replicas' clocks, which must agree to well within a group_interval.
   */
  Outcome acquire(String groupKey, Instant now, Duration term) {
    Outcome[] outcome = new Outcome[1];
    writer.write(session -> {
      PreparedStatement statement = session.statement(ACQUIRE);
      statement.setString(1, groupKey);
      statement.setString(2, groupKey);
      statement.setString(3, replica);
      statement.setObject(4, at(now.plus(term)));
      statement.setObject(5, at(now));
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          outcome[0] = Outcome.HELD_BY_PEER;
        } else {
          outcome[0] = replica.equals(row.getString(1)) ? Outcome.RENEWED : Outcome.TAKEN;
        }
      }
    });
    return outcome[0];
  }

  /**
   * Looks at the groups whose owners (other replicas) let their leases lapse: such a group may live
   * on no replica any more. {@code owed} says what each one still owes its receivers (resolves
   * never sent); a lapsed lease that owes nothing is deleted, the rest are returned for this
   * replica to take over.
   */
  List<String> sweepLapsed(Instant now, Predicate<String> owesSomething) {
    List<String> owing = new ArrayList<>();
    writer.write(session -> {
      owing.clear();
      List<String> settled = new ArrayList<>();
      PreparedStatement statement = session.statement(LAPSED);
      statement.setString(1, replica);
      statement.setObject(2, at(now));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String group = rows.getString(1);
          (owesSomething.test(group) ? owing : settled).add(group);
        }
      }
      PreparedStatement delete = session.statement(DELETE_LAPSED);
      for (String group : settled) {
        delete.setString(1, group);
        delete.setObject(2, at(now));
        delete.addBatch();
      }
      if (!settled.isEmpty()) {
        delete.executeBatch();
      }
    });
    return owing;
  }

  /** The replicas holding a lease that has not lapsed at {@code now}: the live ones that flush groups. */
  List<String> holders(Instant now) {
    List<String> holders = new ArrayList<>();
    writer.write(session -> {
      holders.clear();
      PreparedStatement statement = session.statement(HOLDERS);
      statement.setObject(1, at(now));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          holders.add(rows.getString(1));
        }
      }
    });
    return holders;
  }

  /** Up to {@code limit} leases, live or lapsed, by owner then group, as the database holds them. */
  List<Persistence.Lease> list(int limit) {
    List<Persistence.Lease> leases = new ArrayList<>();
    writer.write(session -> {
      leases.clear();
      PreparedStatement statement = session.statement(LIST);
      statement.setInt(1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          leases.add(new Persistence.Lease(rows.getString(1), rows.getString(2),
              rows.getObject(3, OffsetDateTime.class).toInstant()));
        }
      }
    });
    return List.copyOf(leases);
  }

  /** Forgets leases that lapsed before {@code cutoff} (their groups are gone). */
  int pruneLapsedBefore(Instant cutoff) {
    int[] deleted = new int[1];
    writer.write(session -> {
      PreparedStatement statement = session.statement(DELETE_LAPSED_BEFORE);
      statement.setObject(1, at(cutoff));
      deleted[0] = statement.executeUpdate();
    });
    return deleted[0];
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
