package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of one route that share the route's group-by label values, and the timer that flushes
 * them to the route's receiver: first after group_wait, then every group_interval (Alertmanager's
 * {@code aggrGroup}). Everything mutable is guarded by this group's own lock, so groups never wait
 * on each other; the pipeline itself runs outside the lock, so alerts keep arriving during a slow
 * notification.
 */
final class AggregationGroup {
  private static final Logger LOG = LoggerFactory.getLogger(AggregationGroup.class);

  /** The dispatcher that made this group: a label set's remembered groups are used by it alone. */
  private final Dispatcher owner;
  private final Route route;
  private final RouteOptions options;
  private final Labels groupLabels;
  private final String groupKey;
  /** What joining this group tells the caller; the same every time. */
  private final Placement placement;
  /** {@link #placement}, alone in a list: what an alert that joined only this group was placed in. */
  private final List<Placement> placements;
  private final Stage pipeline;
  private final Scheduler scheduler;
  private final Clock clock;
  private final KeepResolved keepResolved;
  private final Consumer<AggregationGroup> onEmptied;
  private final BooleanSupplier dispatcherStopped;
  private final Predicate<AggregationGroup> holdForReplay;

  private final Object lock = new Object();
  private final Map<Fingerprint, Alert> alerts = new HashMap<>();
  private boolean hasFlushed;
  /** Created during a replay: the first flush is armed by {@link #release}, not by the alerts. */
  private boolean heldByReplay;
  /** A held group holds an alert older than group_wait: it flushes at once on release. */
  private boolean overdue;
  private Instant createdAt;
  private boolean stopped;
  private Scheduler.Cancellable timer;
  /** Tells a timer that fired after being replaced or cancelled that it is stale. */
  private long timerGeneration;
  private Instant nextFlushAt;

  AggregationGroup(
      Dispatcher owner,
      Route route,
      Labels groupLabels,
      Stage pipeline,
      Scheduler scheduler,
      Clock clock,
      KeepResolved keepResolved,
      Consumer<AggregationGroup> onEmptied,
      BooleanSupplier dispatcherStopped,
      Predicate<AggregationGroup> holdForReplay) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.route = Objects.requireNonNull(route, "route");
    this.options = route.options();
    this.groupLabels = Objects.requireNonNull(groupLabels, "groupLabels");
    this.groupKey = route.key() + ":" + groupLabels;
    this.placement = new Placement(route, groupKey);
    this.placements = List.of(placement);
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keepResolved = Objects.requireNonNull(keepResolved, "keepResolved");
    this.onEmptied = Objects.requireNonNull(onEmptied, "onEmptied");
    this.dispatcherStopped = Objects.requireNonNull(dispatcherStopped, "dispatcherStopped");
    this.holdForReplay = Objects.requireNonNull(holdForReplay, "holdForReplay");
  }

  String groupKey() {
    return groupKey;
  }

  Dispatcher owner() {
    return owner;
  }

  /** This group's route and group key. */
  Placement placement() {
    return placement;
  }

  /** {@link #placement} as the one element of an immutable list. */
  List<Placement> placements() {
    return placements;
  }

  /**
   * Takes the group's first alert and arms the first flush, group_wait from now (at once for an
   * alert that already waited that long). Both under the lock: with group_wait 0s the flush runs at
   * once on a worker, and must find the alert in the group, never an empty group. During a replay
   * ({@link Dispatcher#replay}) nothing is armed until the replay ends.
   *
   * @return the copy now held, as {@link #insert} returns it
   */
  Alert start(Alert first) {
    synchronized (lock) {
      createdAt = clock.instant();
      heldByReplay = holdForReplay.test(this);
      if (heldByReplay) {
        // What a snapshot shows until release() arms the flush (then, or at once if overdue).
        nextFlushAt = createdAt.plus(options.groupWait());
      } else {
        arm(options.groupWait());
      }
      return insert(first);
    }
  }

  /** Arms the first flush of a group held by a replay: at once if it holds an overdue alert, else at the end of its group_wait. */
  void release() {
    synchronized (lock) {
      if (!heldByReplay || stopped) {
        return;
      }
      heldByReplay = false;
      Duration untilWaited = Duration.between(clock.instant(), createdAt.plus(options.groupWait()));
      arm(overdue || untilWaited.isNegative() ? Duration.ZERO : untilWaited);
    }
  }

  /**
   * Adds {@code alert}, or replaces an older copy of it. Before the first flush, an alert whose group_wait has already
   * passed since it started (one that waited elsewhere, such as after a restart) flushes the group
   * at once, as in Alertmanager.
   *
   * @return the copy now held — {@code alert}, or {@code alert} sharing the held copy's equal
   *     labels, which the caller hands to the alert's other groups — or null when the group has
   *     been stopped and the caller must use a new one
   */
  Alert insert(Alert alert) {
    synchronized (lock) {
      if (stopped) {
        return null;
      }
      // Copies can reach us out of order from concurrent requests: an older one never replaces a newer.
      Alert held = alerts.merge(alert.fingerprint(), alert, AggregationGroup::newer);
      if (!hasFlushed && alert.startsAt().plus(options.groupWait()).isBefore(clock.instant())) {
        if (heldByReplay) {
          overdue = true;
        } else {
          arm(Duration.ZERO);
        }
      }
      // A newer copy held here (this one arrived late) is not this alert: the other groups get it as sent.
      return held.updatedAt().isAfter(alert.updatedAt()) ? alert : held;
    }
  }

  /**
   * The newer copy; when it is the incoming one with the same labels, it keeps the held labels, so
   * that a resend's own copy of them dies young (a measured cost in a storm, bench/README.md).
   */
  private static Alert newer(Alert held, Alert incoming) {
    if (incoming.updatedAt().isBefore(held.updatedAt())) {
      return held;
    }
    return held.labels() != incoming.labels() && held.labels().equals(incoming.labels())
        ? incoming.withDerivedLabels(held.labels())
        : incoming;
  }

  /** Cancels the timer; a flush in progress completes, but nothing is scheduled after it. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      cancelTimer();
    }
  }

  GroupSnapshot snapshot() {
    synchronized (lock) {
      Instant now = clock.instant();
      List<GroupSnapshot.AlertState> states = new ArrayList<>(alerts.size());
      for (Alert alert : sorted()) {
        states.add(new GroupSnapshot.AlertState(alert.fingerprint(), alert.statusAt(now)));
      }
      return new GroupSnapshot(
          groupKey, route.key(), options.receiver(), groupLabels, states, nextFlushAt, now);
    }
  }

  private void flush(long generation) {
    Instant now;
    List<Alert> batch;
    synchronized (lock) {
      // A group created while its dispatcher was stopping may have escaped stop(): it stays silent.
      if (stopped || generation != timerGeneration || dispatcherStopped.getAsBoolean()) {
        return;
      }
      now = clock.instant();
      hasFlushed = true;
      timer = null;
      // As Alertmanager, the next flush is due group_interval after this one started, however long
      // the pipeline takes; it is armed only once this flush is over, so flushes never overlap.
      nextFlushAt = now.plus(options.groupInterval());
      batch = batchAt(now);
    }
    boolean delivered = runPipeline(now, batch);
    boolean emptied;
    synchronized (lock) {
      if (delivered) {
        deleteResolvedNotModified(batch);
      }
      emptied = alerts.isEmpty();
      if (emptied) {
        stopped = true;
      } else if (!stopped) {
        Duration untilNext = Duration.between(clock.instant(), nextFlushAt);
        arm(untilNext.isNegative() ? Duration.ZERO : untilNext);
      }
    }
    if (emptied) {
      onEmptied.accept(this);
    }
  }

  /**
   * The alerts as of {@code now}: an alert not yet resolved loses its future end, so that it cannot
   * turn resolved on its own later in the pipeline (Alertmanager does the same).
   */
  private List<Alert> batchAt(Instant now) {
    List<Alert> batch = new ArrayList<>(alerts.size());
    for (Alert alert : sorted()) {
      batch.add(
          alert.isResolvedAt(now)
              ? alert
              : alert.withTimes(alert.startsAt(), null, alert.updatedAt()));
    }
    return batch;
  }

  private boolean runPipeline(Instant now, List<Alert> batch) {
    if (batch.isEmpty()) {
      return true;
    }
    FlushContext context =
        new FlushContext(
            groupKey,
            groupLabels,
            options.receiver(),
            route.key(),
            options.repeatInterval(),
            options.groupInterval(),
            options.muteTimeIntervals(),
            options.activeTimeIntervals(),
            now,
            options.shadow(),
            options.flapping(),
            options.resolve());
    try {
      pipeline.apply(context, batch);
      return true;
    } catch (StageFailedException e) {
      if (e.alreadyReported()) {
        LOG.debug("notifying {} of group {} failed: {}", options.receiver(), groupKey, e.getMessage());
      } else {
        LOG.warn("notifying {} of group {} failed: {}", options.receiver(), groupKey, e.getMessage());
      }
      return false;
    } catch (RuntimeException e) {
      LOG.error("notifying {} of group {} failed unexpectedly", options.receiver(), groupKey, e);
      return false;
    }
  }

  /**
   * Forgets the resolved alerts that were just notified, unless a newer copy arrived meanwhile
   * (Alertmanager's {@code DeleteIfNotModified}), or a later stage still owes its state ({@link KeepResolved}).
   */
  private void deleteResolvedNotModified(List<Alert> notified) {
    for (Alert sent : notified) {
      if (sent.endsAt() == null || keepResolved.keeps(groupKey, sent.fingerprint())) {
        continue;
      }
      alerts.computeIfPresent(
          sent.fingerprint(),
          (fingerprint, held) -> held.updatedAt().equals(sent.updatedAt()) ? null : held);
    }
  }

  private List<Alert> sorted() {
    List<Alert> list = new ArrayList<>(alerts.values());
    list.sort(AlertOrder.INSTANCE);
    return list;
  }

  private void arm(Duration delay) {
    cancelTimer();
    long generation = ++timerGeneration;
    nextFlushAt = clock.instant().plus(delay);
    timer = scheduler.schedule(delay, () -> flush(generation));
  }

  private void cancelTimer() {
    timerGeneration++;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
