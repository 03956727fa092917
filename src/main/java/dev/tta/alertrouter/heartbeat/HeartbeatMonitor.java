package dev.tta.alertrouter.heartbeat;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.HeartbeatConfig;
import dev.tta.alertrouter.dispatch.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configured heartbeats: each sign of life moves its deadline, and a timer on the
 * dispatch scheduler raises the missing alert when {@code expect_every + grace} pass without one.
 * The alert goes to {@code raise}, which stores and dispatches it as intake does, so it is routed,
 * muted, enriched, acknowledged and explained like any other; a returning heartbeat resolves it.
 *
 * <p>The deadline counts from the later of the last sign of life and the moment this monitor began
 * watching the heartbeat (start, or the reload that added it): a restart never pages by itself, and
 * a heartbeat already missing before the restart stays missing (its alert is stored) without a
 * second page. One monitor lives as long as the server; {@link #configure} re-arms it on reload.
 */
public final class HeartbeatMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMonitor.class);

  private final HeartbeatStore store;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Consumer<List<Alert>> raise;
  private final Map<String, Instant> watchedSince = new HashMap<>();
  private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
  /** Replaced whole on configure; volatile so intake reads it on every batch without taking the lock. */
  private volatile Map<String, HeartbeatConfig> heartbeats = Map.of();
  private boolean closed;

  /** @param raise stores and dispatches the missing alerts (and their resolves), as intake does */
  public HeartbeatMonitor(HeartbeatStore store, Scheduler scheduler, Clock clock, Consumer<List<Alert>> raise) {
    this.store = Objects.requireNonNull(store, "store");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.raise = Objects.requireNonNull(raise, "raise");
  }

  /** Watches {@code configured} from now on (at start and after each reload), re-arming every timer. */
  public synchronized void configure(List<HeartbeatConfig> configured) {
    Instant now = clock.instant();
    Map<String, HeartbeatConfig> byName = new LinkedHashMap<>();
    configured.forEach(h -> byName.put(h.name(), h));
    heartbeats = byName;
    watchedSince.keySet().retainAll(byName.keySet());
    byName.keySet().forEach(name -> watchedSince.putIfAbsent(name, now));
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
    byName.keySet().forEach(this::check);
  }

  /** Intake's alerts: each firing one matching a heartbeat's matchers is a sign of life. */
  public void observe(List<Alert> alerts) {
    Map<String, HeartbeatConfig> current = heartbeats;
    if (current.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<String> alive = new ArrayList<>();
    for (Alert alert : alerts) {
      if (alert.isResolvedAt(now) || HeartbeatAlerts.isRaised(alert.labels())) {
        continue;
      }
      for (HeartbeatConfig heartbeat : current.values()) {
        if (!alive.contains(heartbeat.name()) && Matchers.allMatch(heartbeat.matchers(), alert.labels())) {
          alive.add(heartbeat.name());
        }
      }
    }
    alive.forEach(this::beat);
  }

  /**
   * A sign of life for the heartbeat {@code name}: resolves its missing alert, if raised, and moves
   * its deadline.
   *
   * @return false when no heartbeat has that name
   */
  public synchronized boolean beat(String name) {
    HeartbeatConfig heartbeat = heartbeats.get(name);
    if (heartbeat == null || closed) {
      return false;
    }
    Instant now = clock.instant();
    HeartbeatState state = store.get(name).orElse(new HeartbeatState(name, null, null, now));
    if (state.missing()) {
      LOG.info("heartbeat {} is back after missing since {}", name, state.missingSince());
      raise.accept(List.of(HeartbeatAlerts.resolved(heartbeat, state.missingSince(), now)));
    }
    store.put(state.seen(now));
    arm(name, heartbeat.deadline());
    return true;
  }

  /** Every configured heartbeat and where it stands now. */
  public synchronized List<HeartbeatStatus> list() {
    List<HeartbeatStatus> out = new ArrayList<>();
    for (HeartbeatConfig heartbeat : heartbeats.values()) {
      HeartbeatState state = store.get(heartbeat.name()).orElse(null);
      Instant lastSeen = state == null ? null : state.lastSeen();
      boolean missing = state != null && state.missing();
      out.add(new HeartbeatStatus(heartbeat.name(), heartbeat.receiver(), heartbeat.expectEvery(), heartbeat.grace(),
          missing ? "missing" : lastSeen == null ? "waiting" : "alive", lastSeen,
          missing ? state.missingSince() : null, missing ? null : dueBy(heartbeat, lastSeen)));
    }
    return out;
  }

  @Override
  public synchronized void close() {
    closed = true;
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
  }

  /** Raises the heartbeat's missing alert if its deadline passed, else arms a timer for the deadline. */
  private synchronized void check(String name) {
    HeartbeatConfig heartbeat = heartbeats.get(name);
    if (heartbeat == null || closed) {
      return;
    }
    Instant now = clock.instant();
    HeartbeatState state = store.get(name).orElse(new HeartbeatState(name, null, null, now));
    if (state.missing()) {
      // Raised already (by this process before a restart, or by a peer replica): its alert is stored.
      timers.remove(name);
      return;
    }
    Instant due = dueBy(heartbeat, state.lastSeen());
    if (now.isBefore(due)) {
      arm(name, Duration.between(now, due));
      return;
    }
    LOG.warn("heartbeat {} missing: nothing since {}", name, state.lastSeen() == null ? watchedSince.get(name) : state.lastSeen());
    // The alert before the state: a crash between the two raises it again, which merges by fingerprint.
    raise.accept(List.of(HeartbeatAlerts.firing(heartbeat, due, state.lastSeen(), watchedSince.get(name), now)));
    store.put(state.raised(due, now));
    timers.remove(name);
  }

  private Instant dueBy(HeartbeatConfig heartbeat, Instant lastSeen) {
    Instant since = watchedSince.get(heartbeat.name());
    Instant from = lastSeen != null && lastSeen.isAfter(since) ? lastSeen : since;
    return from.plus(heartbeat.deadline());
  }

  private void arm(String name, Duration delay) {
    Scheduler.Cancellable previous = timers.remove(name);
    if (previous != null) {
      previous.cancel();
    }
    Scheduler.Cancellable[] self = new Scheduler.Cancellable[1];
    self[0] = scheduler.schedule(delay, () -> {
      synchronized (this) {
        // A timer cancelled after it was handed to a worker still runs: only the armed one counts.
        if (timers.get(name) != self[0]) {
          return;
        }
      }
      try {
        check(name);
      } catch (RuntimeException e) {
        LOG.error("checking heartbeat {} failed; trying again after expect_every", name, e);
        synchronized (this) {
          HeartbeatConfig heartbeat = heartbeats.get(name);
          if (heartbeat != null && !closed) {
            arm(name, heartbeat.expectEvery());
          }
        }
      }
    });
    timers.put(name, self[0]);
  }
}
