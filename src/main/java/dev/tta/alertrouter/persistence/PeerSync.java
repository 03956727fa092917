package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.mute.Silence;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps a replica's in-memory stores in step with its peers' writes (PostgreSQL only). Every write
 * transaction first takes one advisory lock, which serialises the replicas' transactions, so change
 * numbers are committed in order; then it reads the rows peers wrote since it last looked. Merges
 * in that transaction therefore see exactly what the database holds. Alerts from peers are kept
 * until {@link #drainReceived} hands them on, off the writer's thread, to this replica's dispatcher.
 */
final class PeerSync implements GroupCommitWriter.TransactionHook {
  /** The advisory lock every writer of this schema holds for the length of its transaction. */
  static final long WRITE_LOCK = 0x616c6572745f7277L;

  private final String replica;
  private final AlertRows alertRows;
  private final SilenceRows silenceRows;
  private final SqlAlertStore alerts;
  private final SqlSilenceStore silences;
  private final SqlNotificationLog notificationLog;
  private final SqlMessageReferences messageReferences;
  private final SqlAckStore acks;
  private final SqlEscalationStore escalations;
  private final SqlHeartbeatStore heartbeats;
  private long alertsSeen;
  private long silencesSeen;
  private long notificationsSeen;
  private long messageReferencesSeen;
  private long acksSeen;
  private long escalationsSeen;
  private long heartbeatsSeen;
  private final Queue<Alert> received = new ConcurrentLinkedQueue<>();

  PeerSync(
      String replica,
      ChangeNumbers seen,
      AlertRows alertRows,
      SilenceRows silenceRows,
      SqlAlertStore alerts,
      SqlSilenceStore silences,
      SqlNotificationLog notificationLog,
      SqlMessageReferences messageReferences,
      SqlAckStore acks,
      SqlEscalationStore escalations,
      SqlHeartbeatStore heartbeats) {
    this.replica = Objects.requireNonNull(replica, "replica");
    this.alertRows = alertRows;
    this.silenceRows = silenceRows;
    this.alerts = alerts;
    this.silences = silences;
    this.notificationLog = notificationLog;
    this.messageReferences = messageReferences;
    this.acks = acks;
    this.escalations = escalations;
    this.heartbeats = heartbeats;
    this.alertsSeen = seen.alerts();
    this.silencesSeen = seen.silences();
    this.notificationsSeen = seen.notifications();
    this.messageReferencesSeen = seen.messageReferences();
    this.acksSeen = seen.acks();
    this.escalationsSeen = seen.escalations();
    this.heartbeatsSeen = seen.heartbeats();
  }

  /** The highest change number read from each table. */
  record ChangeNumbers(long alerts, long silences, long notifications, long messageReferences, long acks,
      long escalations, long heartbeats) {}

  /** The alerts peers wrote that were read since the last call, oldest first. */
  List<Alert> drainReceived() {
    List<Alert> drained = new ArrayList<>();
    for (Alert alert = received.poll(); alert != null; alert = received.poll()) {
      drained.add(alert);
    }
    return drained;
  }

  @Override
  public void begin(WriteSession session) throws SQLException {
    PreparedStatement lock = session.statement("SELECT pg_advisory_xact_lock(?)");
    lock.setLong(1, WRITE_LOCK);
    lock.execute();
    alertsSeen = readChanged(session, AlertRows.SELECT_CHANGED, alertsSeen, 9, row -> {
      Alert alert = alertRows.read(row);
      alerts.applyPeerChange(alert);
      received.add(alert);
    });
    List<Silence> peerSilences = new ArrayList<>();
    silencesSeen = readChanged(session, SilenceRows.SELECT_CHANGED, silencesSeen, 11,
        row -> peerSilences.add(silenceRows.read(row)));
    if (!peerSilences.isEmpty()) {
      silences.applyPeerChanges(peerSilences);
    }
    notificationsSeen = readChanged(session, NotificationRows.SELECT_CHANGED, notificationsSeen, 8,
        row -> notificationLog.applyPeerChange(NotificationRows.readKey(row), NotificationRows.readEntry(row)));
    messageReferencesSeen = readChanged(session, SqlMessageReferences.SELECT_CHANGED, messageReferencesSeen, 7,
        row -> messageReferences.applyPeerChange(SqlMessageReferences.readKey(row), SqlMessageReferences.readRow(row)));
    acksSeen = readChanged(session, SqlAckStore.SELECT_CHANGED, acksSeen, 9,
        row -> acks.applyPeerChange(SqlAckStore.readRow(row)));
    escalationsSeen = readChanged(session, SqlEscalationStore.SELECT_CHANGED, escalationsSeen, 7,
        row -> escalations.applyPeerChange(SqlEscalationStore.readRow(row)));
    heartbeatsSeen = readChanged(session, SqlHeartbeatStore.SELECT_CHANGED, heartbeatsSeen, 5,
        row -> heartbeats.applyPeerChange(SqlHeartbeatStore.readRow(row)));
  }

  @Override
  public void end() {}

  /** Takes in one row a peer wrote. */
  private interface PeerRow {
    void apply(ResultSet row) throws SQLException;
  }

  /**
   * Reads the rows of a table changed since {@code since} ({@code selectChanged}, ordered by change
   * number, whose column {@code changeColumn} holds the change number and the next one the replica
   * that wrote it) and hands those a peer wrote to {@code apply}.
   *
   * @return the highest change number read
   */
  private long readChanged(WriteSession session, String selectChanged, long since, int changeColumn, PeerRow apply)
      throws SQLException {
    PreparedStatement changed = session.statement(selectChanged);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(changeColumn);
        if (!replica.equals(rows.getString(changeColumn + 1))) {
          apply.apply(rows);
        }
      }
    }
    return seen;
  }
}
