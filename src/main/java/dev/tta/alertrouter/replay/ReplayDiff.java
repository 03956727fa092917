package dev.tta.alertrouter.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a candidate configuration changes, replayed over the same capture as the baseline: per alert
 * (priority, receivers, groups, muting), per receiver (notifications newly sent, no longer sent, sent
 * at other times), and totals.
 */
public record ReplayDiff(List<AlertChange> alerts, Map<String, ReceiverChange> receivers, Totals totals) {
  public ReplayDiff {
    alerts = List.copyOf(alerts);
    receivers = java.util.Collections.unmodifiableMap(new TreeMap<>(receivers));
    Objects.requireNonNull(totals, "totals");
  }

  /** One field of one alert that differs. */
  public record FieldChange(String field, String baseline, String candidate) {}

  /** An alert the two configurations treat differently. */
  public record AlertChange(String fingerprint, String labels, List<FieldChange> changes) {
    public AlertChange {
      changes = List.copyOf(changes);
    }
  }

  /** The same notification, sent by both, but at another time. */
  public record Retimed(SentNotification baseline, Instant candidateAt) {}

  /** What one receiver would get differently. */
  public record ReceiverChange(String receiver, List<SentNotification> newlySent, List<SentNotification> noLongerSent,
      List<Retimed> atOtherTimes) {
    public ReceiverChange {
      newlySent = List.copyOf(newlySent);
      noLongerSent = List.copyOf(noLongerSent);
      atOtherTimes = List.copyOf(atOtherTimes);
    }
  }

  public record Totals(long payloads, long alerts, long alertsChanged, long baselineNotifications,
      long candidateNotifications, long newlySent, long noLongerSent, long atOtherTimes) {}

  /** True when anything differs. */
  public boolean differs() {
    return !alerts.isEmpty() || !receivers.isEmpty();
  }

  public static ReplayDiff of(ReplayRun baseline, ReplayRun candidate) {
    List<AlertChange> alertChanges = alertChanges(baseline.alerts(), candidate.alerts());
    Map<String, ReceiverChange> receiverChanges = receiverChanges(baseline.notifications(), candidate.notifications());
    long newly = 0;
    long no = 0;
    long retimed = 0;
    for (ReceiverChange c : receiverChanges.values()) {
      newly += c.newlySent().size();
      no += c.noLongerSent().size();
      retimed += c.atOtherTimes().size();
    }
    TreeSet<String> fingerprints = new TreeSet<>(baseline.alerts().keySet());
    fingerprints.addAll(candidate.alerts().keySet());
    return new ReplayDiff(alertChanges, receiverChanges, new Totals(baseline.payloads(), fingerprints.size(),
        alertChanges.size(), baseline.notifications().size(), candidate.notifications().size(), newly, no, retimed));
  }

  private static List<AlertChange> alertChanges(Map<String, AlertOutcome> baseline, Map<String, AlertOutcome> candidate) {
    TreeSet<String> fingerprints = new TreeSet<>(baseline.keySet());
    fingerprints.addAll(candidate.keySet());
    List<AlertChange> out = new ArrayList<>();
    for (String fp : fingerprints) {
      AlertOutcome b = baseline.get(fp);
      AlertOutcome c = candidate.get(fp);
      List<FieldChange> changes = new ArrayList<>();
      compare(changes, "priority", b == null ? "" : b.priority(), c == null ? "" : c.priority());
      compare(changes, "receivers", b == null ? "" : join(b.receivers()), c == null ? "" : join(c.receivers()));
      compare(changes, "groups", b == null ? "" : join(b.groups()), c == null ? "" : join(c.groups()));
      compare(changes, "muted", b == null ? "" : join(b.muted()), c == null ? "" : join(c.muted()));
      if (!changes.isEmpty()) {
        out.add(new AlertChange(fp, (c != null ? c : b).labels(), changes));
      }
    }
    return out;
  }

  private static void compare(List<FieldChange> changes, String field, String baseline, String candidate) {
    if (!baseline.equals(candidate)) {
      changes.add(new FieldChange(field, baseline, candidate));
    }
  }

  private static String join(Collection<String> values) {
    return String.join(", ", values);
  }

  /**
   * Notifications are matched by what they say and to whom (receiver, integration, group, alerts):
   * the n-th such notification of one run is the n-th of the other; one without a counterpart was
   * newly sent or is no longer sent, a pair at different times was sent at another time.
   */
  private static Map<String, ReceiverChange> receiverChanges(List<SentNotification> baseline, List<SentNotification> candidate) {
    Map<SentNotification.Identity, List<SentNotification>> b = byIdentity(baseline);
    Map<SentNotification.Identity, List<SentNotification>> c = byIdentity(candidate);
    Map<String, List<SentNotification>> newly = new HashMap<>();
    Map<String, List<SentNotification>> gone = new HashMap<>();
    Map<String, List<Retimed>> retimed = new HashMap<>();
    LinkedHashMap<SentNotification.Identity, Boolean> identities = new LinkedHashMap<>();
    b.keySet().forEach(i -> identities.put(i, true));
    c.keySet().forEach(i -> identities.put(i, true));
    for (SentNotification.Identity id : identities.keySet()) {
      List<SentNotification> bs = b.getOrDefault(id, List.of());
      List<SentNotification> cs = c.getOrDefault(id, List.of());
      int common = Math.min(bs.size(), cs.size());
      for (int i = 0; i < common; i++) {
        if (!bs.get(i).at().equals(cs.get(i).at())) {
          retimed.computeIfAbsent(id.receiver(), r -> new ArrayList<>()).add(new Retimed(bs.get(i), cs.get(i).at()));
        }
      }
      for (int i = common; i < bs.size(); i++) {
        gone.computeIfAbsent(id.receiver(), r -> new ArrayList<>()).add(bs.get(i));
      }
      for (int i = common; i < cs.size(); i++) {
        newly.computeIfAbsent(id.receiver(), r -> new ArrayList<>()).add(cs.get(i));
      }
    }
    TreeSet<String> receivers = new TreeSet<>(newly.keySet());
    receivers.addAll(gone.keySet());
    receivers.addAll(retimed.keySet());
    Map<String, ReceiverChange> out = new TreeMap<>();
    Comparator<SentNotification> byTime = Comparator.comparing(SentNotification::at).thenComparing(SentNotification::groupKey);
    for (String r : receivers) {
      List<SentNotification> n = new ArrayList<>(newly.getOrDefault(r, List.of()));
      List<SentNotification> g = new ArrayList<>(gone.getOrDefault(r, List.of()));
      List<Retimed> t = new ArrayList<>(retimed.getOrDefault(r, List.of()));
      n.sort(byTime);
      g.sort(byTime);
      t.sort(Comparator.comparing((Retimed x) -> x.baseline().at()));
      out.put(r, new ReceiverChange(r, n, g, t));
    }
    return out;
  }

  private static Map<SentNotification.Identity, List<SentNotification>> byIdentity(List<SentNotification> all) {
    Map<SentNotification.Identity, List<SentNotification>> out = new LinkedHashMap<>();
    for (SentNotification n : all) {
      out.computeIfAbsent(n.identity(), i -> new ArrayList<>()).add(n);
    }
    return out;
  }
}
