package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceStore;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Silences written through to the database and answered from memory: {@link #all()} runs at every
 * flush of every group, so it hands out one immutable snapshot rebuilt only when a write commits.
 */
final class SqlSilenceStore implements SilenceStore {
  private final GroupCommitWriter writer;
  private final SilenceRows rows;
  private final Map<String, Silence> committed = new ConcurrentHashMap<>();
  private volatile List<Silence> snapshot;

  SqlSilenceStore(GroupCommitWriter writer, SilenceRows rows, Collection<Silence> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.rows = Objects.requireNonNull(rows, "rows");
    for (Silence silence : stored) {
      committed.put(silence.id(), silence);
    }
    this.snapshot = List.copyOf(committed.values());
  }

  @Override
  public Optional<Silence> get(String id) {
    return Optional.ofNullable(committed.get(id));
  }

  @Override
  public List<Silence> all() {
    return snapshot;
  }

  /** Returns once the silence is committed; throws {@code StoreUnavailableException} if it could not be. */
  @Override
  public void put(Silence silence) {
    Objects.requireNonNull(silence, "silence");
    writer.write(
        new WriteTask() {
          @Override
          public void write(WriteSession session) throws SQLException {
            PreparedStatement statement = session.statement(rows.upsert());
            rows.bindUpsert(statement, silence);
            statement.executeUpdate();
          }

          @Override
          public void committed() {
            committed.put(silence.id(), silence);
            snapshot = List.copyOf(committed.values());
          }
        });
  }

  /** Takes silences a peer replica committed. */
  void applyPeerChanges(List<Silence> changed) {
    for (Silence silence : changed) {
      committed.put(silence.id(), silence);
    }
    snapshot = List.copyOf(committed.values());
  }

  @Override
  public void removeAll(Collection<String> ids) {
    List<String> known = ids.stream().filter(committed::containsKey).toList();
    if (!known.isEmpty()) {
      writer.write(new Delete(known));
    }
  }

  /**
   * Removes the silences that ended before {@code cutoff}; returns how many. A silence updated
   * meanwhile (extended, say) is kept: the delete names the version it looked at.
   */
  int pruneEndedBefore(Instant cutoff) {
    List<Silence> old = new ArrayList<>();
    for (Silence silence : committed.values()) {
      if (silence.endsAt().isBefore(cutoff)) {
        old.add(silence);
      }
    }
    if (old.isEmpty()) {
      return 0;
    }
    int[] deleted = new int[1];
    writer.write(
        new WriteTask() {
          @Override
          public void write(WriteSession session) throws SQLException {
            PreparedStatement statement = session.statement(SilenceRows.DELETE_IF_UNCHANGED);
            for (Silence silence : old) {
              statement.setString(1, silence.id());
              statement.setString(2, silence.updatedAt().toString());
              statement.addBatch();
            }
            statement.executeBatch();
          }

          @Override
          public void committed() {
            for (Silence silence : old) {
              if (committed.remove(silence.id(), silence)) {
                deleted[0]++;
              }
            }
            snapshot = List.copyOf(committed.values());
          }
        });
    return deleted[0];
  }

  private final class Delete implements WriteTask {
    private final List<String> ids;

    Delete(List<String> ids) {
      this.ids = ids;
    }

    @Override
    public void write(WriteSession session) throws SQLException {
      PreparedStatement statement = session.statement(SilenceRows.DELETE);
      for (String id : ids) {
        statement.setString(1, id);
        statement.addBatch();
      }
      statement.executeBatch();
    }

    @Override
    public void committed() {
      ids.forEach(committed::remove);
      snapshot = List.copyOf(committed.values());
    }
  }
}
