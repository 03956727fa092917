package dev.tta.alertrouter.query;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.store.AlertStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lists held alerts and aggregation groups for the HTTP APIs (v1 and v2 share it), with
 * Alertmanager's filters. Judging an alert (receivers, silences, inhibition) is left to the {@link
 * AlertJudge} of the configuration in force.
 */
public final class AlertQueries {
  private static final Comparator<GroupSnapshot> BY_KEY =
      Comparator.comparing(GroupSnapshot::groupKey).thenComparing(GroupSnapshot::receiver);

  private final AlertStore store;
  private final Supplier<AlertJudge> judge;
  private final Supplier<List<GroupSnapshot>> groups;
  private final Clock clock;

  /**
   * @param judge the judge of the configuration in force, read per request (a reload replaces it)
   * @param groups the dispatcher's groups now
   */
  public AlertQueries(AlertStore store, Supplier<AlertJudge> judge, Supplier<List<GroupSnapshot>> groups, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.judge = Objects.requireNonNull(judge, "judge");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * Every held alert (resolved ones too) matching {@code matchers}, optionally only those with
   * {@code status} at {@code now}, sorted by fingerprint: {@code GET /api/v1/alerts}.
   */
  public List<Alert> held(List<Matcher> matchers, Optional<Alert.Status> status, Instant now) {
    List<Alert> found = new ArrayList<>();
    for (Alert a : store.list(matchers)) {
      if (status.isEmpty() || a.statusAt(now) == status.get()) {
        found.add(a);
      }
    }
    return found;
  }

  /**
   * The firing alerts the filter admits, judged now, sorted by fingerprint, as Alertmanager's
   * {@code GET /api/v2/alerts}: resolved alerts are left out.
   */
  public List<ShownAlert> firing(AlertFilter filter, Instant now) {
    AlertJudge current = judge.get();
    List<ShownAlert> shown = new ArrayList<>();
    for (Alert a : store.list(filter.matchers())) {
      if (a.isResolvedAt(now)) {
        continue;
      }
      AlertMarks marks = current.judge(a, now);
      if (filter.admits(marks)) {
        shown.add(new ShownAlert(a, marks));
      }
    }
    return shown;
  }

  /** The dispatcher's groups, sorted by group key then receiver: {@code GET /api/v1/groups}. */
  public List<GroupSnapshot> groupSnapshots() {
    return groups.get().stream().sorted(BY_KEY).toList();
  }

  /**
   * The groups whose receiver the filter admits, each with its firing alerts the filter admits,
   * groups left empty dropped, as Alertmanager's {@code GET /api/v2/alerts/groups}.
   */
  public List<ShownGroup> groups(AlertFilter filter, Instant now) {
    AlertJudge current = judge.get();
    List<ShownGroup> shown = new ArrayList<>();
    for (GroupSnapshot g : groupSnapshots()) {
      if (!filter.admitsReceiver(g.receiver())) {
        continue;
      }
      List<ShownAlert> alerts = new ArrayList<>();
      for (GroupSnapshot.AlertState member : g.alerts()) {
        Optional<Alert> held = store.get(member.fingerprint());
        if (held.isEmpty() || held.get().isResolvedAt(now) || !Matchers.allMatch(filter.matchers(), held.get().labels())) {
          continue;
        }
        AlertMarks marks = current.judge(held.get(), now);
        if (filter.admitsState(marks)) {
          alerts.add(new ShownAlert(held.get(), marks));
        }
      }
      if (!alerts.isEmpty()) {
        shown.add(new ShownGroup(g.groupLabels(), g.receiver(), alerts));
      }
    }
    return shown;
  }
}
