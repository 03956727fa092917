package dev.tta.alertrouter.persistence;

import java.sql.SQLException;

/**
 * One caller's write, run by the {@link GroupCommitWriter} inside a transaction it may share with
 * other callers' writes. Every method runs on the writer's thread, one task at a time, so a task
 * may read and update its store's writer-side state without locks.
 */
interface WriteTask {
  /** Writes this task's rows; throwing rolls the whole transaction back. */
  void write(WriteSession session) throws SQLException;

  /** The transaction holding this write committed: publish its effect to readers. */
  default void committed() {}

  /** The transaction holding this write rolled back: forget any state {@link #write} prepared. */
  default void rolledBack() {}
}
