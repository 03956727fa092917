package dev.tta.alertrouter.persistence;

/** The databases alert-router keeps its state in; each has its own set of migrations. */
enum Dialect {
  SQLITE("classpath:db/migration/sqlite"),
  POSTGRESQL("classpath:db/migration/postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  String migrations() {
    return migrations;
  }

  /**
   * What an upsert's {@code DO UPDATE SET} adds in this dialect: on PostgreSQL, a new change
   * number and the writing replica, which peers read changes by.
   */
  String upsertBookkeeping() {
    return this == POSTGRESQL ? ", change_seq = DEFAULT, written_by = DEFAULT" : "";
  }
}
