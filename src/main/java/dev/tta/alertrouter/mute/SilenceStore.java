package dev.tta.alertrouter.mute;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where silences live. Reads happen at every flush of every group ({@link Silences#mutes}), so an
 * implementation backed by a database should answer {@link #all()} from memory and write through.
 * Implementations are thread-safe.
 */
public interface SilenceStore {
  Optional<Silence> get(String id);

  /** Every stored silence, in any state, as a snapshot. */
  List<Silence> all();

  /** Inserts the silence, or replaces the one with the same id. */
  void put(Silence silence);

  /** Removes the silences with these ids; unknown ids are ignored. */
  void removeAll(Collection<String> ids);
}
