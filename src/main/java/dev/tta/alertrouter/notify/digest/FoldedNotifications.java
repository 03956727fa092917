package dev.tta.alertrouter.notify.digest;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications folded so far for one digest: per group, each alert's labels and whether it
 * was firing in the last notification folded for the group. Not thread-safe: its {@link
 * DigestBudget} holds its lock while it adds.
 */
final class FoldedNotifications {
  private final Instant windowStart;
  private int notifications;
  private final Map<String, Map<Fingerprint, FoldedAlert>> groups = new LinkedHashMap<>();

  private record FoldedAlert(Labels labels, boolean firing) {}

  FoldedNotifications(Instant windowStart) {
    this.windowStart = windowStart;
  }

  Instant windowStart() {
    return windowStart;
  }

  void add(String groupKey, List<Alert> alerts, Instant at) {
    notifications++;
    Map<Fingerprint, FoldedAlert> group = groups.computeIfAbsent(groupKey, k -> new LinkedHashMap<>());
    for (Alert a : alerts) {
      group.put(a.fingerprint(), new FoldedAlert(a.labels(), !a.isResolvedAt(at)));
    }
  }

  /** Takes in what an undelivered digest held, so that it is told in this one. */
  void addAll(FoldedNotifications earlier) {
    notifications += earlier.notifications;
    earlier.groups.forEach((key, alerts) -> groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(alerts));
  }

  Digest toDigest(String id, String receiver, String integration, Instant start, Instant end) {
    List<Digest.FoldedGroup> folded = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> teams = new HashMap<>();
    Map<String, Integer> priorities = new HashMap<>();
    groups.forEach((key, alerts) -> {
      int firing = 0;
      for (FoldedAlert a : alerts.values()) {
        firing += a.firing() ? 1 : 0;
        count(names, a.labels().get("alertname"));
        count(teams, a.labels().get("team"));
        count(priorities, a.labels().get(Priority.LABEL));
      }
      folded.add(new Digest.FoldedGroup(key, firing, alerts.size() - firing));
    });
    folded.sort(Comparator.comparingInt((Digest.FoldedGroup g) -> -(g.firing() + g.resolved()))
        .thenComparing(Digest.FoldedGroup::groupKey));
    List<Digest.Count> byPriority = counts(priorities, Comparator.comparing(Digest.Count::value));
    return new Digest(id, receiver, integration, start, end, notifications, folded,
        top(counts(names, mostFirst())), top(counts(teams, mostFirst())), byPriority);
  }

  private static Comparator<Digest.Count> mostFirst() {
    return Comparator.comparingInt((Digest.Count c) -> -c.count()).thenComparing(Digest.Count::value);
  }

  private static List<Digest.Count> top(List<Digest.Count> counts) {
    return counts.size() <= Digest.TOP ? counts : counts.subList(0, Digest.TOP);
  }

  private static List<Digest.Count> counts(Map<String, Integer> counted, Comparator<Digest.Count> order) {
    return counted.entrySet().stream().map(e -> new Digest.Count(e.getKey(), e.getValue())).sorted(order).toList();
  }

  private static void count(Map<String, Integer> counts, String value) {
    if (value != null && !value.isEmpty()) {
      counts.merge(value, 1, Integer::sum);
    }
  }
}
