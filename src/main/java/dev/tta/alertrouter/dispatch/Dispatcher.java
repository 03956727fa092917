package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sorts alerts into aggregation groups and lets each group flush on its own timer, as Alertmanager's
 * {@code dispatch.Dispatcher}: an alert joins one group for every route it matches, keyed by the
 * route and the alert's values of the route's group_by labels. Alerts arrive from request threads
 * while timers fire on scheduler threads; the group map is concurrent and each group has its own
 * lock, so no lock is shared by all alerts.
 */
public final class Dispatcher implements AutoCloseable {
  private final RouteTree routes;
  private final Stage pipeline;
  private final Scheduler scheduler;
  private final Clock clock;
  private final KeepResolved keepResolved;
  private final ConcurrentMap<GroupId, AggregationGroup> groups = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  /** Groups created during a replay; they arm their first flush when it ends. Guarded by itself. */
  private final List<AggregationGroup> heldByReplay = new ArrayList<>();
  /** Replays under way; read without the lock on a group's creation, so intake pays nothing outside a replay. */
  private volatile int replaying;

  /**
   * @param routes the route tree alerts are matched against
   * @param pipeline what each flush runs, for the receiver named in its {@link FlushContext}
   * @param scheduler times the groups' flushes and runs them
   * @param clock the time flushes and group_wait are measured by
   */
  public Dispatcher(RouteTree routes, Stage pipeline, Scheduler scheduler, Clock clock) {
    this(routes, pipeline, scheduler, clock, KeepResolved.NONE);
  }

  /** @param keepResolved asked before a group forgets a resolved alert it flushed */
  public Dispatcher(RouteTree routes, Stage pipeline, Scheduler scheduler, Clock clock, KeepResolved keepResolved) {
    this.routes = Objects.requireNonNull(routes, "routes");
    // A zero group_interval would flush a group in a busy loop; Alertmanager's config refuses it too.
    routes.walk(
        route -> {
          Duration interval = route.options().groupInterval();
          if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException(
                "route " + route.id() + " (" + route.location() + "): group_interval must be greater than zero");
          }
        });
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keepResolved = Objects.requireNonNull(keepResolved, "keepResolved");
  }

  /**
   * Puts {@code alert} (a new alert or a newer copy of one) into the group of every route it
   * matches. It is notified at the group's next flush, never from this call.
   *
   * @return the routes that took it and the groups it joined, in tree order; empty once stopped
   */
  public List<Placement> process(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    if (stopped) {
      return List.of();
    }
    List<Placement> remembered = intoRememberedGroups(alert);
    return remembered != null ? remembered : intoMatchedGroups(alert);
  }

  /** The groups of an alert that matched more than one route, in tree order. */
  private record JoinedGroups(List<AggregationGroup> groups) {}

  /**
   * Puts {@code alert} into the groups this dispatcher put an alert with the very same labels object
   * into before, as {@link #intoMatchedGroups} remembered them with the labels: the store hands each
   * resend of an alert the held labels object, and the classifier its same classified labels, so a
   * storm's resends skip the route match, the group-by labels and the group map's look-up (a cache
   * miss each: bench/README.md, "Intake"). Those groups are still the alert's: the labels decide the
   * routes and group keys, and a group leaves the map only once stopped, when it refuses the alert.
   *
   * @return the placements, or null when nothing is remembered or a remembered group has stopped
   *     (the alert is then placed anew; inserting a copy again is harmless)
   */
  private List<Placement> intoRememberedGroups(Alert alert) {
    Object remembered = alert.labels().remembered();
    if (remembered instanceof AggregationGroup group) {
      return group.owner() == this && group.insert(alert) != null ? group.placements() : null;
    }
    if (!(remembered instanceof JoinedGroups joined) || joined.groups().get(0).owner() != this) {
      return null;
    }
    List<Placement> placements = new ArrayList<>(joined.groups().size());
    Alert copy = alert;
    for (AggregationGroup group : joined.groups()) {
      Alert held = group.insert(copy);
      if (held == null) {
        return null;
      }
      copy = held;
      placements.add(group.placement());
    }
    return placements;
  }

  /** Matches the route tree and puts {@code alert} into each matched route's group, made when missing; remembers the groups with its labels. */
  private List<Placement> intoMatchedGroups(Alert alert) {
    List<Route> matched = routes.match(alert.labels());
    List<Placement> placements = new ArrayList<>(matched.size());
    List<AggregationGroup> joined = new ArrayList<>(matched.size());
    List<String> lastGroupBy = null;
    Labels lastGroupLabels = null;
    Alert copy = alert;
    for (Route route : matched) {
      // Sibling routes usually inherit one group_by list: its labels are selected once per alert.
      if (route.options().groupByAll() || route.options().groupBy() != lastGroupBy) {
        lastGroupBy = route.options().groupByAll() ? null : route.options().groupBy();
        lastGroupLabels = groupLabels(alert.labels(), route);
      }
      GroupId id = new GroupId(route, lastGroupLabels);
      // Most alerts of a storm join a group that exists: a lock-free lookup, then the group's own
      // lock. insert() refuses once the group has stopped (it emptied and is being dropped); then
      // compute() serialises the insertion with that removal, so an alert never lands in a group
      // that has just been dropped.
      AggregationGroup group = groups.get(id);
      Alert held = group == null ? null : group.insert(copy);
      if (held == null) {
        Alert inserting = copy;
        Alert[] heldByNew = new Alert[1];
        group = groups.compute(id, (key, g) -> insertInto(g, key, inserting, heldByNew));
        held = heldByNew[0];
      }
      // The alert's other groups hold the same copy.
      copy = held;
      placements.add(group.placement());
      joined.add(group);
    }
    if (joined.size() == 1) {
      alert.labels().remember(joined.get(0));
    } else if (!joined.isEmpty()) {
      alert.labels().remember(new JoinedGroups(List.copyOf(joined)));
    }
    return placements;
  }

  /**
   * Runs {@code feed} (which hands this dispatcher stored alerts through {@link #process}) with the
   * first flushes of the groups it creates held back, then arms them: a restored alert older than
   * group_wait flushes its group at once, and without the hold that flush could run while the rest
   * of the group is still being fed, sending part of the group and leaving the rest a whole
   * group_interval late. When the feed ends, each held group flushes at once if it holds such an
   * alert, else group_wait after it was created, as it would have.
   */
  public void replay(Runnable feed) {
    synchronized (heldByReplay) {
      replaying++;
    }
    try {
      feed.run();
    } finally {
      List<AggregationGroup> held;
      synchronized (heldByReplay) {
        replaying--;
        held = replaying == 0 ? List.copyOf(heldByReplay) : List.of();
        if (replaying == 0) {
          heldByReplay.clear();
        }
      }
      held.forEach(AggregationGroup::release);
    }
  }

  /** Whether a group created now waits for the replay's end to arm its first flush (it is then kept to be released). */
  private boolean holdForReplay(AggregationGroup group) {
    if (replaying == 0) {
      return false;
    }
    // The check and the registration under one lock: a group is either released by the replay's end or never held.
    synchronized (heldByReplay) {
      if (replaying == 0) {
        return false;
      }
      heldByReplay.add(group);
      return true;
    }
  }

  /** The current groups, ordered by group key. */
  public List<GroupSnapshot> groups() {
    List<GroupSnapshot> snapshots = new ArrayList<>(groups.size());
    for (AggregationGroup group : groups.values()) {
      snapshots.add(group.snapshot());
    }
    snapshots.sort(Comparator.comparing(GroupSnapshot::groupKey));
    return snapshots;
  }

  /** How many aggregation groups hold alerts (Alertmanager's {@code alertmanager_dispatcher_aggregation_groups}). */
  public int activeGroups() {
    return groups.size();
  }

  /**
   * Stops every group's timer and ignores alerts from now on. A flush already running completes.
   * Groups are not kept: a new dispatcher (after a reload) is fed the stored alerts again, and the
   * notification log keeps it from repeating what was already sent.
   */
  public void stop() {
    stopped = true;
    for (AggregationGroup group : groups.values()) {
      group.stop();
    }
    groups.clear();
  }

  @Override
  public void close() {
    stop();
  }

  private AggregationGroup insertInto(AggregationGroup group, GroupId id, Alert alert, Alert[] held) {
    if (group != null) {
      held[0] = group.insert(alert);
      if (held[0] != null) {
        return group;
      }
    }
    AggregationGroup fresh =
        new AggregationGroup(
            this,
            id.route(),
            id.groupLabels(),
            pipeline,
            scheduler,
            clock,
            keepResolved,
            emptied -> groups.remove(id, emptied),
            () -> stopped,
            this::holdForReplay);
    held[0] = fresh.start(alert);
    return fresh;
  }

  /** The alert's values of the route's group_by labels; all its labels for {@code group_by: [...]}. */
  private static Labels groupLabels(Labels labels, Route route) {
    return route.options().groupByAll() ? labels : labels.select(route.options().groupBy());
  }

  /**
   * Which group an alert joins. Routes compare by identity, as Alertmanager keys groups by route
   * pointer: two routes written alike still form separate groups.
   */
  private record GroupId(Route route, Labels groupLabels) {
    @Override
    public boolean equals(Object o) {
      return o instanceof GroupId other
          && route == other.route
          && groupLabels.equals(other.groupLabels);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(route) * 31 + groupLabels.hashCode();
    }
  }
}
