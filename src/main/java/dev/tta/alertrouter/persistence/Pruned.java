package dev.tta.alertrouter.persistence;

/** How many rows one {@link Persistence#prune} removed. */
public record Pruned(int alerts, int notifications, int silences, int messageReferences, int acks,
    int escalations) {
  public int total() {
    return alerts + notifications + silences + messageReferences + acks + escalations;
  }
}
