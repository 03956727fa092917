package dev.tta.alertrouter.flap;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.FlappingRule;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Flap detection at flush time, for routes with {@code flapping:} on. An alert that changed state
 * more than max_changes times within the window is flapping: the flush that finds it passes it on
 * marked {@code flapping="true"} (the group's one flapping notification); later flushes pass the copy
 * that notification showed instead of the news, so dedup sends nothing new about it, until it has not
 * changed for stable_for; then its real copy goes on, and that flush is news even if the state is the
 * one already shown. A P0 alert is marked but never held unless hold_p0.
 *
 * <p>The state lives in memory, per engine: see docs/design.md §1 for why replicas cannot double a
 * notification because of it.
 */
public final class FlapStage implements Stage {
  /** The annotation that tells receivers (and webhook consumers) the alert is flapping. */
  public static final String ANNOTATION = "flapping";

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final FlapListener listener;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);
  private final Map<Key, FlapHistory> histories = new ConcurrentHashMap<>();
  /**
   * The flush time of each group and receiver whose flush must notify even if dedup finds nothing
   * new. Per receiver: an escalation step's flush of the same group must not clear the group's own.
   */
  private final Map<Owed, Instant> noticeOwed = new ConcurrentHashMap<>();

  public FlapStage(FlapListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  private record Key(String groupKey, Fingerprint fingerprint) {}

  private record Owed(String groupKey, String receiver) {
    static Owed of(FlushContext context) {
      return new Owed(context.groupKey(), context.receiver());
    }
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    noticeOwed.remove(Owed.of(context));
    FlappingRule rule = context.flapping();
    if (!rule.enabled()) {
      return alerts;
    }
    Instant now = context.now();
    forgetQuietAlerts(now);
    List<Alert> passed = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      FlapHistory history = histories.computeIfAbsent(new Key(context.groupKey(), alert.fingerprint()),
          k -> new FlapHistory());
      passed.add(decide(context, rule, history, alert));
    }
    return passed;
  }

  private Alert decide(FlushContext context, FlappingRule rule, FlapHistory history, Alert alert) {
    Instant now = context.now();
    int changes = history.observe(alert, now, rule.window(), rule.stableFor());
    FlapStatus status = history.flapping();
    if (status == null) {
      if (changes <= rule.maxChanges()) {
        return alert;
      }
      status = new FlapStatus(now, changes, rule.window());
      Alert marked = marked(alert);
      history.startFlapping(status, marked);
      noticeOwed.put(Owed.of(context), now);
      listener.flappingStarted(context, alert, status);
      return marked;
    }
    if (history.stableFor(rule.stableFor(), now)) {
      history.stopFlapping();
      noticeOwed.put(Owed.of(context), now);
      listener.flappingEnded(context, alert, status);
      return alert;
    }
    if (isP0(alert) && !rule.holdP0()) {
      return marked(alert);
    }
    listener.flappingHeld(context, alert, status);
    return history.shown();
  }

  /**
   * Whether the flush of {@code context} started or ended an alert's flapping, so that it notifies
   * even when the fingerprints' states are the ones already notified (the dedup stage asks).
   */
  public boolean owesNotice(FlushContext context) {
    return context.now().equals(noticeOwed.get(Owed.of(context)));
  }

  /**
   * Whether the group must keep {@code alert} although it is resolved and was just flushed: its
   * notification is held, and its real state is still owed.
   */
  public boolean keeps(String groupKey, Fingerprint fingerprint) {
    FlapHistory history = histories.get(new Key(groupKey, fingerprint));
    return history != null && history.flapping() != null;
  }

  /** Why the alert is flapping in one of its groups, if it is. */
  public Optional<FlapStatus> status(Fingerprint fingerprint) {
    for (Map.Entry<Key, FlapHistory> e : histories.entrySet()) {
      FlapStatus status = e.getKey().fingerprint().equals(fingerprint) ? e.getValue().flapping() : null;
      if (status != null) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** How many alerts are flapping (in at least one group): the gauge {@code alertrouter_alerts_flapping}. */
  public int flappingAlerts() {
    Map<Fingerprint, Boolean> flapping = new HashMap<>();
    histories.forEach((key, history) -> {
      if (history.flapping() != null) {
        flapping.put(key.fingerprint(), true);
      }
    });
    return flapping.size();
  }

  /** At most once a minute of flush time, so a storm's flushes do not each walk every history. */
  private void forgetQuietAlerts(Instant now) {
    Instant last = lastSweep.get();
    if (last.plus(SWEEP_EVERY).isAfter(now) || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    histories.values().removeIf(h -> h.forgettable(now));
  }

  private static boolean isP0(Alert alert) {
    return Priority.P0.name().equals(alert.labels().get(Priority.LABEL));
  }

  private static Alert marked(Alert alert) {
    Map<String, String> annotations = new HashMap<>(alert.annotations());
    annotations.put(ANNOTATION, "true");
    return alert.withAnnotations(annotations);
  }
}
