package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code severity:} section: how an alert's severity label maps to a priority.
 *
 * @param label the label read (default {@code severity})
 * @param levels label value to priority, in the order written
 * @param defaultPriority for a missing label or a value not in {@code levels} (default P2)
 */
public record SeverityConfig(String label, Map<String, Priority> levels, Priority defaultPriority) {
  public static final String DEFAULT_LABEL = "severity";

  public SeverityConfig {
    if (!Labels.isValidName(label)) {
      throw new IllegalArgumentException("invalid label name: " + label);
    }
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    Objects.requireNonNull(defaultPriority, "defaultPriority");
  }

  /** {@code critical} and {@code page} → P0, {@code warning} → P1, {@code info} → P2, else P2. */
  public static SeverityConfig defaults() {
    Map<String, Priority> levels = new LinkedHashMap<>();
    levels.put("critical", Priority.P0);
    levels.put("page", Priority.P0);
    levels.put("warning", Priority.P1);
    levels.put("info", Priority.P2);
    return new SeverityConfig(DEFAULT_LABEL, levels, Priority.P2);
  }

  /** The priority of an alert whose severity label has {@code value} (null when the label is absent). */
  public Priority priorityOf(String value) {
    Priority p = value == null ? null : levels.get(value);
    return p == null ? defaultPriority : p;
  }
}
