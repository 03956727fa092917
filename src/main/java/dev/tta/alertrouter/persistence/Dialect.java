package dev.tta.alertrouter.persistence;

import java.util.List;

/** The databases alert-router keeps its state in; each has its own set of migrations. */
enum Dialect {
  SQLITE("classpath:db/migration/sqlite", List.of(
      "V1__alerts_silences_notification_log.sql",
      "V2__message_references.sql",
      "V3__acks.sql",
      "V4__escalations.sql",
      "V5__action_keys.sql",
      "V7__heartbeats.sql",
      "V8__silence_recurrence_and_reminders.sql",
      "V9__intake_pending.sql")),
  POSTGRESQL("classpath:db/migration/postgresql", List.of(
      "V1__alerts_silences_notification_log_leases.sql",
      "V2__message_references.sql",
      "V3__acks.sql",
      "V4__escalations.sql",
      "V5__action_keys.sql",
      "V6__capture.sql",
      "V7__heartbeats.sql",
      "V8__silence_recurrence_and_reminders.sql"));

  private final String migrations;
  private final List<String> scripts;

  Dialect(String migrations, List<String> scripts) {
    this.migrations = migrations;
    this.scripts = scripts;
  }

  /** The migrations' folder on the class path, as Flyway is given it ({@code classpath:…}). */
  String migrations() {
    return migrations;
  }

  /**
   * The migration scripts in {@link #migrations()}, by name: listing that folder means reading
   * every entry of the jar, a fifth of the store's opening at a restart. DialectTest checks that
   * this is the folder's content; a new script goes in both.
   */
  List<String> scripts() {
    return scripts;
  }

  /**
   * What an upsert's {@code DO UPDATE SET} adds in this dialect: on PostgreSQL, a new change
   * number and the writing replica, which peers read changes by.
   */
  String upsertBookkeeping() {
    return this == POSTGRESQL ? ", change_seq = DEFAULT, written_by = DEFAULT" : "";
  }
}
