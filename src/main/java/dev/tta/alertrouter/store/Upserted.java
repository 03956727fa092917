package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * What an upsert stored: the merged alerts, one per input in input order, and which of them only
 * repeat what was held — {@link ResendKind#UNCHANGED}, an {@link ResendKind#EXTENSION}, or a stale
 * copy that changed nothing. Prometheus resends every firing alert at every evaluation, so in a
 * storm nearly all are repeats; what follows intake (the explain record) spends less on them.
 */
public record Upserted(List<Alert> stored, BitSet repeats) {

  public Upserted {
    stored = List.copyOf(Objects.requireNonNull(stored, "stored"));
    repeats = (BitSet) Objects.requireNonNull(repeats, "repeats").clone();
    if (repeats.length() > stored.size()) {
      throw new IllegalArgumentException("repeats names index " + (repeats.length() - 1) + " of " + stored.size() + " alerts");
    }
  }

  /** Alerts none of which is known to repeat what was held (a peer's changes, alerts read at start). */
  public static Upserted allNews(List<Alert> stored) {
    return new Upserted(stored, new BitSet());
  }

  /** Whether the alert at {@code index} told nothing new. */
  public boolean isRepeat(int index) {
    Objects.checkIndex(index, stored.size());
    return repeats.get(index);
  }

  @Override
  public BitSet repeats() {
    return (BitSet) repeats.clone();
  }
}
