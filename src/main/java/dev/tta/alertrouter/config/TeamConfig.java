package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One team of the {@code teams:} section: alerts whose {@code label} equals {@code value} belong to
 * the team and go, by priority, to its receivers.
 *
 * @param label default {@code team}
 * @param value default the team's name
 * @param receivers receiver names per priority; a priority not listed is not routed by the team
 * @param groupBy null to inherit from the route tree
 * @param groupWait null to inherit
 * @param groupInterval null to inherit
 * @param repeatInterval null to inherit
 */
public record TeamConfig(
    String name,
    String label,
    String value,
    Map<Priority, List<String>> receivers,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    SourceLocation location) {

  public static final String DEFAULT_LABEL = "team";

  public TeamConfig {
    Objects.requireNonNull(name, "name");
    if (!Labels.isValidName(label)) {
      throw new IllegalArgumentException("invalid label name: " + label);
    }
    Objects.requireNonNull(value, "value");
    EnumMap<Priority, List<String>> copy = new EnumMap<>(Priority.class);
    receivers.forEach((p, names) -> copy.put(p, List.copyOf(names)));
    receivers = Collections.unmodifiableMap(copy);
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
    Objects.requireNonNull(location, "location");
  }
}
