package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Matcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Alerts held in memory, lost on restart; each fingerprint's merge is atomic. */
public final class InMemoryAlertStore implements AlertStore {

  private final Map<Fingerprint, Alert> alerts = new ConcurrentHashMap<>();
  private final Clock clock;
  private final StaleAlertListener staleListener;
  private volatile boolean closed;

  public InMemoryAlertStore(Clock clock, StaleAlertListener staleListener) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleListener = Objects.requireNonNull(staleListener, "staleListener");
  }

  @Override
  public Upserted upsertAll(List<Alert> incoming) {
    if (closed) {
      throw new StoreUnavailableException("the alert store is closed");
    }
    Instant now = clock.instant();
    List<Alert> stored = new ArrayList<>(incoming.size());
    BitSet repeats = new BitSet(incoming.size());
    for (Alert alert : incoming) {
      AlertMerge.Outcome[] outcome = new AlertMerge.Outcome[1];
      boolean[] repeat = new boolean[1];
      alerts.compute(alert.fingerprint(), (fp, held) -> {
        outcome[0] = AlertMerge.combine(held, alert, now);
        repeat[0] = outcome[0].stale() || ResendKind.of(held, outcome[0].stored(), now) != ResendKind.CHANGE;
        return outcome[0].stored();
      });
      if (repeat[0]) {
        repeats.set(stored.size());
      }
      stored.add(outcome[0].stored());
      if (outcome[0].stale()) {
        staleListener.staleCopyIgnored(alert, outcome[0].stored());
      }
    }
    return new Upserted(stored, repeats);
  }

  @Override
  public Optional<Alert> get(Fingerprint fingerprint) {
    return Optional.ofNullable(alerts.get(fingerprint));
  }

  @Override
  public List<Alert> list(List<Matcher> filter) {
    return AlertStore.matching(alerts.values(), filter);
  }

  @Override
  public int pruneResolvedBefore(Instant cutoff) {
    int dropped = 0;
    for (Map.Entry<Fingerprint, Alert> e : alerts.entrySet()) {
      Alert a = e.getValue();
      // remove(key, value): an alert re-fired since we looked is not dropped.
      if (a.endsAt() != null && a.endsAt().isBefore(cutoff) && alerts.remove(e.getKey(), a)) {
        dropped++;
      }
    }
    return dropped;
  }

  @Override
  public Map<Alert.Status, Long> countByStatus(Instant at) {
    return AlertStore.countByStatus(alerts.values(), at);
  }

  @Override
  public int size() {
    return alerts.size();
  }

  @Override
  public void close() {
    closed = true;
  }
}
