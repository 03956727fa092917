package dev.tta.alertrouter.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects, during one replay, what the pipeline decided and what it would have sent. The replay
 * runs every flush on one thread; the methods are synchronized all the same.
 */
public final class OutcomeRecorder {
  private final Map<String, Builder> alerts = new HashMap<>();
  private final List<SentNotification> notifications = new ArrayList<>();

  private static final class Builder {
    String labels;
    String priority;
    final TreeSet<String> receivers = new TreeSet<>();
    final TreeSet<String> groups = new TreeSet<>();
    final TreeSet<String> muted = new TreeSet<>();
  }

  /** The alert was classified and routed: its priority and where it went (none: no route took it). */
  public synchronized void routed(String fingerprint, String labels, String priority, Map<String, String> groupToReceiver) {
    Builder b = alerts.computeIfAbsent(fingerprint, f -> new Builder());
    b.labels = labels;
    b.priority = priority;
    b.groups.addAll(groupToReceiver.keySet());
    b.receivers.addAll(groupToReceiver.values());
  }

  /** The alert was muted at a flush: {@code inhibited}, {@code silenced} or {@code time_muted}. */
  public synchronized void muted(String fingerprint, String how) {
    alerts.computeIfAbsent(fingerprint, f -> new Builder()).muted.add(how);
  }

  public synchronized void sent(SentNotification notification) {
    notifications.add(notification);
  }

  public synchronized ReplayRun result(long payloads, Instant from, Instant to) {
    Map<String, AlertOutcome> out = new HashMap<>();
    alerts.forEach((fp, b) -> out.put(fp, new AlertOutcome(fp, b.labels == null ? "" : b.labels,
        b.priority == null ? "" : b.priority, b.receivers, b.groups, b.muted)));
    return new ReplayRun(out, notifications, payloads, from, to);
  }
}
