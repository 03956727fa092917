package dev.tta.alertrouter.heartbeat;

import java.time.Instant;
import java.util.Objects;

/**
 * What is stored of one heartbeat, so a restart neither forgets that it is missing nor pages for
 * the restart itself.
 *
 * @param lastSeen when the last sign of life arrived; null before the first
 * @param missingSince the start of the raised missing alert; null while the heartbeat is alive
 * @param updatedAt when this row was written
 */
public record HeartbeatState(String name, Instant lastSeen, Instant missingSince, Instant updatedAt) {
  public HeartbeatState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean missing() {
    return missingSince != null;
  }

  HeartbeatState seen(Instant at) {
    return new HeartbeatState(name, at, null, at);
  }

  HeartbeatState raised(Instant since, Instant at) {
    return new HeartbeatState(name, lastSeen, since, at);
  }
}
