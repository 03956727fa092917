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
  private long alertsSeen;
  private long silencesSeen;
  private long notificationsSeen;
  private long messageReferencesSeen;
  private long acksSeen;
  private long escalationsSeen;
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
      SqlEscalationStore escalations) {
    this.replica = Objects.requireNonNull(replica, "replica");
    this.alertRows = alertRows;
    this.silenceRows = silenceRows;
    this.alerts = alerts;
    this.silences = silences;
    this.notificationLog = notificationLog;
    this.messageReferences = messageReferences;
    this.acks = acks;
    this.escalations = escalations;
    this.alertsSeen = seen.alerts();
    this.silencesSeen = seen.silences();
    this.notificationsSeen = seen.notifications();
    this.messageReferencesSeen = seen.messageReferences();
    this.acksSeen = seen.acks();
    this.escalationsSeen = seen.escalations();
  }

  /** The highest change number read from each table. */
  record ChangeNumbers(long alerts, long silences, long notifications, long messageReferences, long acks,
      long escalations) {}

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
    alertsSeen = readAlerts(session, alertsSeen);
    silencesSeen = readSilences(session, silencesSeen);
    notificationsSeen = readNotifications(session, notificationsSeen);
    messageReferencesSeen = readMessageReferences(session, messageReferencesSeen);
    acksSeen = readAcks(session, acksSeen);
    escalationsSeen = readEscalations(session, escalationsSeen);
  }

  @Override
  public void end() {}

  private long readAlerts(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(AlertRows.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(9);
        if (!replica.equals(rows.getString(10))) {
          Alert alert = alertRows.read(rows);
          alerts.applyPeerChange(alert);
          received.add(alert);
        }
      }
    }
    return seen;
  }

  private long readSilences(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(SilenceRows.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    List<Silence> fromPeers = new ArrayList<>();
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(8);
        if (!replica.equals(rows.getString(9))) {
          fromPeers.add(silenceRows.read(rows));
        }
      }
    }
    if (!fromPeers.isEmpty()) {
      silences.applyPeerChanges(fromPeers);
    }
    return seen;
  }

  private long readNotifications(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(NotificationRows.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(8);
        if (!replica.equals(rows.getString(9))) {
          notificationLog.applyPeerChange(NotificationRows.readKey(rows), NotificationRows.readEntry(rows));
        }
      }
    }
    return seen;
  }

  private long readAcks(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(SqlAckStore.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(9);
        if (!replica.equals(rows.getString(10))) {
          acks.applyPeerChange(SqlAckStore.readRow(rows));
        }
      }
    }
    return seen;
  }

  private long readEscalations(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(SqlEscalationStore.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(7);
        if (!replica.equals(rows.getString(8))) {
          escalations.applyPeerChange(SqlEscalationStore.readRow(rows));
        }
      }
    }
    return seen;
  }

  private long readMessageReferences(WriteSession session, long since) throws SQLException {
    PreparedStatement changed = session.statement(SqlMessageReferences.SELECT_CHANGED);
    changed.setLong(1, since);
    long seen = since;
    try (ResultSet rows = changed.executeQuery()) {
      while (rows.next()) {
        seen = rows.getLong(7);
        if (!replica.equals(rows.getString(8))) {
          messageReferences.applyPeerChange(SqlMessageReferences.readKey(rows), SqlMessageReferences.readRow(rows));
        }
      }
    }
    return seen;
  }
}
