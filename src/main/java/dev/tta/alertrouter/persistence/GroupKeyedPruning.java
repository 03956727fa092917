package dev.tta.alertrouter.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deletes rows keyed by group key that nobody has rewritten since they were read (the delete
 * matches the {@code updated_at} read, so a peer's newer write survives), and forgets them from the
 * committed view once the delete is durable. Acks and escalation states prune alike.
 */
final class GroupKeyedPruning {
  private GroupKeyedPruning() {}

  /**
   * @param deleteIfUnchanged {@code DELETE … WHERE group_key = ? AND updated_at = ?}
   * @return how many rows were forgotten
   */
  static <R> int delete(GroupCommitWriter writer, String deleteIfUnchanged, Map<String, R> committed, List<R> old,
      Function<R, String> groupKey, Function<R, Instant> updatedAt) {
    if (old.isEmpty()) {
      return 0;
    }
    int[] deleted = new int[1];
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(deleteIfUnchanged);
        for (R row : old) {
          statement.setString(1, groupKey.apply(row));
          statement.setString(2, updatedAt.apply(row).toString());
          statement.addBatch();
        }
        statement.executeBatch();
      }

      @Override
      public void committed() {
        for (R row : old) {
          if (committed.remove(groupKey.apply(row), row)) {
            deleted[0]++;
          }
        }
      }
    });
    return deleted[0];
  }
}
