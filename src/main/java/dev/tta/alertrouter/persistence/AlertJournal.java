package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * SQLite's alert table, written as a journal: every new version of an alert is appended under the
 * next sequence number, so a transaction fills pages at the end of the table instead of rewriting
 * one page per alert at random (fingerprints are hashes), which made upserts several times dearer.
 * The newest row of a fingerprint is its alert; a pruned alert gets a tombstone row. Superseded
 * rows are deleted a few at a time with each write, oldest first, so they come off whole pages and
 * the table stays within about one and a half times the live alerts.
 *
 * <p>All state here is the writer thread's; what a transaction changes applies when it commits.
 */
final class AlertJournal implements AlertTable {
  private static final String SELECT_ALL =
      "SELECT fingerprint, labels, annotations, starts_at, ends_at, ends_at_by_timeout, generator_url,"
          + " updated_at, seq FROM alert_journal ORDER BY seq";
  private static final String APPEND =
      "INSERT INTO alert_journal (fingerprint, labels, annotations, starts_at, ends_at, ends_at_by_timeout,"
          + " generator_url, updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String APPEND_TOMBSTONE = "INSERT INTO alert_journal (fingerprint, seq) VALUES (?, ?)";
  private static final String DELETE = "DELETE FROM alert_journal WHERE seq = ?";
  /** Superseded rows tolerated beyond half the live alerts before writes start deleting them. */
  private static final int GARBAGE_SLACK = 256;

  private final AlertRows rows;
  private final Map<Fingerprint, Long> newest = new HashMap<>();
  private final Map<Fingerprint, Long> newestUncommitted = new HashMap<>();
  private final PriorityQueue<Long> superseded = new PriorityQueue<>();
  private final Deque<Long> tombstones = new ArrayDeque<>();
  private long nextSeq;

  private AlertJournal(AlertRows rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /** Reads the journal: the live alerts, and what is superseded and may go. */
  static AlertJournal load(Connection connection, AlertRows rows, List<Alert> live) throws SQLException {
    AlertJournal journal = new AlertJournal(rows);
    Map<Fingerprint, Alert> alerts = new HashMap<>();
    Map<Fingerprint, Long> tombstoned = new HashMap<>();
    long maxSeq = 0;
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SELECT_ALL)) {
      while (row.next()) {
        long seq = row.getLong(9);
        Fingerprint fingerprint = new Fingerprint(row.getLong(1));
        maxSeq = Math.max(maxSeq, seq);
        Long previous = journal.newest.put(fingerprint, seq);
        if (previous != null) {
          journal.superseded.add(previous);
        }
        if (row.getString(2) == null) {
          alerts.remove(fingerprint);
          tombstoned.put(fingerprint, seq);
        } else {
          alerts.put(fingerprint, rows.read(row));
          tombstoned.remove(fingerprint);
        }
      }
    }
    tombstoned.forEach((fingerprint, seq) -> journal.newest.remove(fingerprint));
    tombstoned.values().stream().sorted().forEach(journal.tombstones::addLast);
    journal.nextSeq = maxSeq + 1;
    live.addAll(alerts.values());
    return journal;
  }

  @Override
  public Outcome write(WriteSession session, List<Version> versions) throws SQLException {
    PreparedStatement append = session.statement(APPEND);
    List<Appended> appended = new ArrayList<>(versions.size());
    for (Version version : versions) {
      Fingerprint fingerprint = version.alert().fingerprint();
      long seq = nextSeq++;
      appended.add(new Appended(fingerprint, currentSeq(fingerprint), seq));
      newestUncommitted.put(fingerprint, seq);
      rows.bindUpsert(append, version.alert(), version.source());
      append.setLong(9, seq);
      append.addBatch();
    }
    append.executeBatch();
    Compaction compaction = compact(session, versions.size());
    return new Outcome() {
      @Override
      public void committed() {
        for (Appended a : appended) {
          newest.put(a.fingerprint(), a.seq());
          newestUncommitted.remove(a.fingerprint(), a.seq());
          if (a.replaced() != null) {
            superseded.add(a.replaced());
          }
        }
      }

      @Override
      public void rolledBack() {
        appended.forEach(a -> newestUncommitted.remove(a.fingerprint(), a.seq()));
        compaction.undo();
      }
    };
  }

  @Override
  public Outcome delete(WriteSession session, List<Alert> alerts) throws SQLException {
    PreparedStatement append = session.statement(APPEND_TOMBSTONE);
    List<Appended> appended = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      long seq = nextSeq++;
      appended.add(new Appended(alert.fingerprint(), currentSeq(alert.fingerprint()), seq));
      newestUncommitted.put(alert.fingerprint(), seq);
      append.setLong(1, alert.fingerprint().value());
      append.setLong(2, seq);
      append.addBatch();
    }
    append.executeBatch();
    return new Outcome() {
      @Override
      public void committed() {
        for (Appended a : appended) {
          if (a.replaced() != null) {
            newest.remove(a.fingerprint(), a.replaced());
            superseded.add(a.replaced());
          }
          newestUncommitted.remove(a.fingerprint(), a.seq());
          tombstones.addLast(a.seq());
        }
      }

      @Override
      public void rolledBack() {
        appended.forEach(a -> newestUncommitted.remove(a.fingerprint(), a.seq()));
      }
    };
  }

  private Long currentSeq(Fingerprint fingerprint) {
    Long pending = newestUncommitted.get(fingerprint);
    return pending != null ? pending : newest.get(fingerprint);
  }

  /**
   * Deletes the oldest superseded rows when there are too many, at most twice as many as were just
   * written, and then the tombstones no older row needs any more (a tombstone hides the rows of its
   * fingerprint that precede it; once every superseded row before it is gone, so is its purpose).
   */
  private Compaction compact(WriteSession session, int written) throws SQLException {
    Compaction compaction = new Compaction();
    int budget = 2 * written + 16;
    PreparedStatement delete = session.statement(DELETE);
    while (budget > 0 && superseded.size() > newest.size() / 2 + GARBAGE_SLACK) {
      long seq = superseded.poll();
      compaction.deletedSuperseded.add(seq);
      delete.setLong(1, seq);
      delete.addBatch();
      budget--;
    }
    while (budget > 0 && !tombstones.isEmpty() && (superseded.isEmpty() || tombstones.peekFirst() < superseded.peek())) {
      long seq = tombstones.pollFirst();
      compaction.deletedTombstones.add(seq);
      delete.setLong(1, seq);
      delete.addBatch();
      budget--;
    }
    if (compaction.deletedSuperseded.size() + compaction.deletedTombstones.size() > 0) {
      delete.executeBatch();
    }
    return compaction;
  }

  /** One alert's row appended: its fingerprint, the row it replaces (if any) and its own number. */
  private record Appended(Fingerprint fingerprint, Long replaced, long seq) {}

  /** What a transaction's compaction took off the queues, put back if it rolls back. */
  private final class Compaction {
    final List<Long> deletedSuperseded = new ArrayList<>();
    final List<Long> deletedTombstones = new ArrayList<>();

    void undo() {
      superseded.addAll(deletedSuperseded);
      for (int i = deletedTombstones.size() - 1; i >= 0; i--) {
        tombstones.addFirst(deletedTombstones.get(i));
      }
    }
  }
}
