package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.store.AlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The alerts held, grouped as the dispatcher groups them (receiver, then aggregation group): the
 * store's list (what {@code GET /api/v1/alerts} answers) joined with the dispatcher's groups (what
 * {@code GET /api/v1/groups} answers).
 */
final class AlertBoard {
  /** At most this many rows are drawn (an alert in two groups counts twice); the rest are counted. */
  static final int MAX_ROWS = 500;

  private final AlertStore store;
  private final UiBackend backend;
  private final Silences silences;
  private final Function<String, Optional<Ack>> acks;

  AlertBoard(AlertStore store, UiBackend backend, Silences silences, Function<String, Optional<Ack>> acks) {
    this.store = store;
    this.backend = backend;
    this.silences = silences;
    this.acks = acks;
  }

  /** One receiver's groups. */
  record ReceiverSection(String receiver, List<GroupView> groups, int alerts) {}

  /**
   * One aggregation group and its alerts that pass the filter; {@code id} is stable across polls
   * (the same receiver and group key give the same id), so element ids built on it survive a poll.
   */
  record GroupView(String id, String groupKey, String groupLabels, String nextFlush, List<AlertRow> alerts,
      GroupAck ack) {}

  /**
   * A group's acknowledgement as the pages show it; {@code by} is null when it has none.
   *
   * @param receiver the receiver the group notifies
   */
  record GroupAck(String groupKey, String groupLabels, String receiver, String by, String at, String comment) {
    static GroupAck of(GroupSnapshot group, Optional<Ack> ack) {
      return new GroupAck(group.groupKey(), group.groupLabels().toString(), group.receiver(),
          ack.map(Ack::by).orElse(null), ack.map(a -> Views.time(a.at())).orElse(null), ack.map(Ack::comment).orElse(""));
    }
  }

  /** The acknowledgement of each group that holds the alert {@code fingerprint}, for its page. */
  List<GroupAck> groupsOf(String fingerprint) {
    List<GroupAck> out = new ArrayList<>();
    for (GroupSnapshot g : backend.groups()) {
      if (g.alerts().stream().anyMatch(s -> s.fingerprint().toString().equals(fingerprint))) {
        out.add(GroupAck.of(g, acks.apply(g.groupKey())));
      }
    }
    out.sort(Comparator.comparing(GroupAck::receiver).thenComparing(GroupAck::groupKey));
    return out;
  }

  /** The whole list: sections by receiver, the alerts held in no group, and counts. */
  record Board(List<ReceiverSection> receivers, List<AlertRow> ungrouped, int shown, int held,
      Map<String, Integer> byState, List<String> teams, List<String> receiverNames, int notDrawn) {}

  Board build(AlertFilter filter, Instant now) {
    List<Alert> held = store.list(List.of());
    Map<String, AlertRow> rows = new LinkedHashMap<>();
    Map<String, Integer> byState = new TreeMap<>();
    Set<String> teams = new java.util.TreeSet<>();
    for (Alert a : held) {
      AlertRow row = AlertRow.of(a, backend, silences, now);
      rows.put(row.fingerprint(), row);
      byState.merge(row.state(), 1, Integer::sum);
      teams.add(row.team());
    }
    Map<String, List<GroupView>> byReceiver = new TreeMap<>();
    Set<String> grouped = new HashSet<>();
    Set<String> shown = new HashSet<>();
    List<GroupSnapshot> groups = new ArrayList<>(backend.groups());
    groups.sort(Comparator.comparing(GroupSnapshot::receiver).thenComparing(GroupSnapshot::groupKey));
    Set<String> receiverNames = new java.util.TreeSet<>();
    int drawn = 0;
    int notDrawn = 0;
    for (GroupSnapshot g : groups) {
      receiverNames.add(g.receiver());
      List<AlertRow> members = new ArrayList<>();
      for (GroupSnapshot.AlertState s : g.alerts()) {
        AlertRow row = rows.get(s.fingerprint().toString());
        if (row == null) {
          continue;
        }
        grouped.add(row.fingerprint());
        if (filter.accepts(row) && (filter.receiver().isEmpty() || filter.receiver().equals(g.receiver()))) {
          shown.add(row.fingerprint());
          if (drawn < MAX_ROWS) {
            members.add(row);
            drawn++;
          } else {
            notDrawn++;
          }
        }
      }
      if (!members.isEmpty()) {
        byReceiver.computeIfAbsent(g.receiver(), r -> new ArrayList<>()).add(new GroupView(
            "g" + Integer.toHexString((g.receiver() + "\n" + g.groupKey()).hashCode()), g.groupKey(), g.groupLabels().toString(), Views.age(java.time.Duration.between(now, g.nextFlushAt())), members,
            GroupAck.of(g, acks.apply(g.groupKey()))));
      }
    }
    List<ReceiverSection> sections = new ArrayList<>();
    byReceiver.forEach((receiver, views) -> sections.add(
        new ReceiverSection(receiver, views, views.stream().mapToInt(v -> v.alerts().size()).sum())));
    List<AlertRow> ungrouped = new ArrayList<>();
    if (filter.receiver().isEmpty()) {
      for (AlertRow row : rows.values()) {
        if (!grouped.contains(row.fingerprint()) && filter.accepts(row)) {
          shown.add(row.fingerprint());
          if (drawn < MAX_ROWS) {
            ungrouped.add(row);
            drawn++;
          } else {
            notDrawn++;
          }
        }
      }
    }
    return new Board(sections, ungrouped, shown.size(), held.size(), byState, List.copyOf(teams), List.copyOf(receiverNames),
        notDrawn);
  }

  /** The alert held under this fingerprint, as a row. */
  Optional<AlertRow> row(String fingerprint, Instant now) {
    for (Alert a : store.list(List.of())) {
      if (a.fingerprint().toString().equals(fingerprint)) {
        return Optional.of(AlertRow.of(a, backend, silences, now));
      }
    }
    return Optional.empty();
  }

  /** The rows of every held firing alert whose classified labels all these matchers match. */
  List<AlertRow> matching(List<dev.tta.alertrouter.alert.Matcher> matchers, Instant now) {
    List<AlertRow> out = new ArrayList<>();
    for (Alert a : store.list(List.of())) {
      if (a.statusAt(now) != Alert.Status.FIRING) {
        continue;
      }
      AlertRow row = AlertRow.of(a, backend, silences, now);
      if (dev.tta.alertrouter.alert.Matchers.allMatch(matchers, row.classified())) {
        out.add(row);
      }
    }
    return out;
  }
}
