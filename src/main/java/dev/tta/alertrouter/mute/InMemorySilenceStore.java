package dev.tta.alertrouter.mute;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Silences held in memory only: they are lost on restart unless a persistent store replaces it. */
public final class InMemorySilenceStore implements SilenceStore {
  private final ConcurrentMap<String, Silence> silences = new ConcurrentHashMap<>();

  @Override
  public Optional<Silence> get(String id) {
    return Optional.ofNullable(silences.get(id));
  }

  @Override
  public List<Silence> all() {
    return List.copyOf(silences.values());
  }

  @Override
  public void put(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public void removeAll(Collection<String> ids) {
    ids.forEach(silences::remove);
  }
}
