package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.util.Locale;

/**
 * An alert's priority as this package counts it: the {@code priority} label the severity stage sets
 * before routing; where that is absent (a lookup, a Prometheus rule read for coverage) the seed's
 * severity model: critical or page is P0, warning is P1, anything else P2.
 */
public final class AlertPriority {
  private AlertPriority() {}

  public static Priority of(Labels labels) {
    String given = labels.get(Priority.LABEL);
    if (given != null) {
      for (Priority p : Priority.values()) {
        if (p.name().equals(given)) {
          return p;
        }
      }
    }
    return switch (labels.getOrEmpty("severity").toLowerCase(Locale.ROOT)) {
      case "critical", "page" -> Priority.P0;
      case "warning" -> Priority.P1;
      default -> Priority.P2;
    };
  }
}
