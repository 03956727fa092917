package dev.tta.alertrouter.persistence;

/** Another live replica sharing the database holds this replica's name: this one must not start. */
public final class ReplicaNameTakenException extends IllegalStateException {
  ReplicaNameTakenException(String message) {
    super(message);
  }
}
