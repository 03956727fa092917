package dev.tta.alertrouter.heartbeat;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.HeartbeatConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert alert-router raises for a missing heartbeat. Its labels depend only on the heartbeat's
 * configuration, so every replica (and every restart) raises the same alert, by fingerprint.
 */
public final class HeartbeatAlerts {
  public static final String ALERTNAME = "HeartbeatMissing";
  /** The label naming the heartbeat, which the implicit route matches on. */
  public static final String LABEL = "heartbeat";

  private HeartbeatAlerts() {}

  public static Labels labels(HeartbeatConfig heartbeat) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", ALERTNAME);
    labels.put(LABEL, heartbeat.name());
    heartbeat.priority().ifPresent(p -> labels.put(Priority.LABEL, p.name()));
    heartbeat.team().ifPresent(t -> labels.put("team", t));
    return Labels.of(labels);
  }

  /** True for an alert this class raised: it never keeps a heartbeat alive, whatever the matchers say. */
  public static boolean isRaised(Labels labels) {
    return ALERTNAME.equals(labels.get("alertname")) && labels.contains(LABEL);
  }

  /**
   * The missing alert, firing from {@code since} until resolved.
   *
   * @param lastSeen the last sign of life, or null when none arrived since {@code watchedSince}
   */
  static Alert firing(HeartbeatConfig heartbeat, Instant since, Instant lastSeen, Instant watchedSince, Instant now) {
    String summary = lastSeen != null
        ? "no heartbeat from " + heartbeat.name() + " since " + lastSeen.truncatedTo(ChronoUnit.SECONDS)
        : "no heartbeat from " + heartbeat.name() + " since " + watchedSince.truncatedTo(ChronoUnit.SECONDS)
            + " (none seen yet)";
    Map<String, String> annotations = Map.of(
        "summary", summary,
        "description", "alert-router expects a heartbeat every " + heartbeat.expectEvery().toSeconds()
            + "s (grace " + heartbeat.grace().toSeconds() + "s) from alerts matching "
            + heartbeat.matchers() + " or POST /api/v1/heartbeats/" + heartbeat.name()
            + "; the monitoring behind it may be down.");
    return new Alert(labels(heartbeat), annotations, since, null, "", now);
  }

  /** The missing alert resolved at {@code now}, when the heartbeat came back. */
  static Alert resolved(HeartbeatConfig heartbeat, Instant since, Instant now) {
    return new Alert(labels(heartbeat),
        Map.of("summary", "heartbeat from " + heartbeat.name() + " is back at " + now.truncatedTo(ChronoUnit.SECONDS)),
        since, now, "", now);
  }
}
