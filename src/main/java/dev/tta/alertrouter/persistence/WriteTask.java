package dev.tta.alertrouter.persistence;

import java.sql.SQLException;

/**
 * One caller's write, run by the {@link GroupCommitWriter} inside a transaction it may share with
 * other callers' writes. Its methods run one task at a time, under the writer's lock: on the
 * writer's thread, or, for {@link #prepare} without a {@link GroupCommitWriter.TransactionHook}, on
 * the caller's thread while the writer is idle. So a task may read and update its store's
 * writer-side state without locks of its own.
 */
interface WriteTask {
  /**
   * Runs first: before the transaction this task would share is begun, or, where the writer has a
   * {@link GroupCommitWriter.TransactionHook} (replicas sharing PostgreSQL), right after the hook's
   * {@code begin} read what peers wrote. Returns false when the task turned out to have nothing to
   * write and is done (its caller returns without a commit or an fsync), true when {@link #write}
   * must run in the transaction; a task that returns true leaves all its work to {@link #write}.
   */
  default boolean prepare() {
    return true;
  }

  /**
   * Whether {@link GroupCommitWriter#stats} counts this task as a write when it needs no
   * transaction: false for the store's own step at start that finds nothing to write ({@link
   * SqlAlertStore}'s switch from reading its alerts to merging), which is no caller's write.
   */
  default boolean counted() {
    return true;
  }

  /** Writes this task's rows; throwing rolls the whole transaction back. */
  void write(WriteSession session) throws SQLException;

  /** The transaction holding this write committed: publish its effect to readers. */
  default void committed() {}

  /** The transaction holding this write rolled back: forget any state {@link #write} prepared. */
  default void rolledBack() {}
}
