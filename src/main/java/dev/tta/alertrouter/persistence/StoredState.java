package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.notify.NotificationLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the database holds, read once at start to fill the in-memory side of the stores; with
 * SQLite, everything but the alerts, which {@link SqlAlertStore#read} reads once intake is open
 * (then {@code alerts} is empty and {@code alertTable} null).
 */
record StoredState(
    List<Alert> alerts,
    AlertTable alertTable,
    List<Silence> silences,
    Map<NotificationLog.Key, NotificationLog.Entry> notifications) {

  static StoredState read(Connection connection, Dialect dialect, AlertRows alertRows, SilenceRows silenceRows)
      throws SQLException {
    List<Alert> alerts = new ArrayList<>();
    List<Silence> silences = new ArrayList<>();
    Map<NotificationLog.Key, NotificationLog.Entry> notifications = new HashMap<>();
    AlertTable alertTable;
    if (dialect == Dialect.SQLITE) {
      alertTable = null;
    } else {
      alertTable = new UpsertAlertTable(alertRows);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(AlertRows.SELECT_ALL)) {
        while (rows.next()) {
          alerts.add(alertRows.read(rows));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(SilenceRows.SELECT_ALL)) {
        while (rows.next()) {
          silences.add(silenceRows.read(rows));
        }
      }
      try (ResultSet rows = statement.executeQuery(NotificationRows.SELECT_ALL)) {
        while (rows.next()) {
          notifications.put(NotificationRows.readKey(rows), NotificationRows.readEntry(rows));
        }
      }
    }
    return new StoredState(alerts, alertTable, silences, notifications);
  }
}
