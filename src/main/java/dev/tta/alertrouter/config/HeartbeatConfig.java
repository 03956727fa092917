package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code heartbeats:}: a dead-man's switch. A firing alert matching every matcher (or
 * {@code POST /api/v1/heartbeats/{name}}) keeps it alive; after {@code expectEvery + grace} without
 * one, alert-router raises its own alert to {@code receiver}.
 *
 * @param matchers what a keep-alive alert looks like; at least one
 * @param priority the raised alert's priority label, if set
 * @param team the raised alert's team label, if set
 */
public record HeartbeatConfig(
    String name,
    List<Matcher> matchers,
    Duration expectEvery,
    Duration grace,
    String receiver,
    Optional<Priority> priority,
    Optional<String> team,
    SourceLocation location) {

  public HeartbeatConfig {
    Objects.requireNonNull(name, "name");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(expectEvery, "expectEvery");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(location, "location");
  }

  /** How long after the last sign of life the heartbeat counts as missing. */
  public Duration deadline() {
    return expectEvery.plus(grace);
  }
}
