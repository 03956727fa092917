package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts alert-router currently knows, one per fingerprint, merged as Alertmanager merges
 * repeated copies. The pipeline sees only this interface, so a persistent store replaces the
 * in-memory one without touching it.
 */
public interface AlertStore extends AutoCloseable {

  /**
   * Merges each alert into the one held under its fingerprint and returns the values now stored, one
   * per input, in input order, with which of them only repeat what was held. Throws {@link
   * StoreUnavailableException} when the store cannot take alerts now (closed, or its storage is
   * down): the caller answers 503 so that the sender retries.
   */
  Upserted upsertAll(List<Alert> alerts);

  /** {@link #upsertAll}, when only the stored values matter. */
  default List<Alert> upsert(List<Alert> alerts) {
    return upsertAll(alerts).stored();
  }

  Optional<Alert> get(Fingerprint fingerprint);

  /** The alerts every matcher matches (all of them for an empty list), sorted by fingerprint. */
  List<Alert> list(List<Matcher> filter);

  /** Drops alerts whose end is before {@code cutoff}; returns how many were dropped. */
  int pruneResolvedBefore(Instant cutoff);

  int size();

  /** How many held alerts are firing and how many resolved at {@code at}. */
  default Map<Alert.Status, Long> countByStatus(Instant at) {
    Map<Alert.Status, Long> counts = new EnumMap<>(Alert.Status.class);
    for (Alert.Status s : Alert.Status.values()) {
      counts.put(s, 0L);
    }
    for (Alert a : list(List.of())) {
      counts.merge(a.statusAt(at), 1L, Long::sum);
    }
    return counts;
  }

  /** The {@link #list} answer over held values: those every matcher matches, sorted by fingerprint. */
  static List<Alert> matching(Collection<Alert> held, List<Matcher> filter) {
    List<Alert> result = new ArrayList<>();
    for (Alert a : held) {
      if (Matchers.allMatch(filter, a.labels())) {
        result.add(a);
      }
    }
    result.sort((x, y) -> Long.compareUnsigned(x.fingerprint().value(), y.fingerprint().value()));
    return result;
  }

  /** The {@link #countByStatus} answer over held values, without building or sorting a list (it runs at every scrape). */
  static Map<Alert.Status, Long> countByStatus(Collection<Alert> held, Instant at) {
    long resolved = 0;
    for (Alert a : held) {
      if (a.isResolvedAt(at)) {
        resolved++;
      }
    }
    Map<Alert.Status, Long> counts = new EnumMap<>(Alert.Status.class);
    counts.put(Alert.Status.FIRING, held.size() - resolved);
    counts.put(Alert.Status.RESOLVED, resolved);
    return counts;
  }

  /** Stops taking alerts; later {@link #upsert} calls throw {@link StoreUnavailableException}. */
  @Override
  void close();
}
