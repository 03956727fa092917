package dev.tta.alertrouter.severity;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.util.Objects;

/**
 * How one alert's priority was decided: the value the explain record shows.
 *
 * @param labels the alert's labels with {@code priority} set to {@link #priority}
 * @param priority the priority the alert is routed with
 * @param reason why it has that priority
 * @param severityValue the value of the configured severity label, or null when the alert has none
 *     (the raw value: fine for explain, never for a metric label, since alerts choose it)
 * @param replacedPriority an existing {@code priority} value that was not P0, P1 or P2 and was
 *     replaced, or null
 */
public record Classification(
    Labels labels, Priority priority, Reason reason, String severityValue, String replacedPriority) {

  public Classification {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(reason, "reason");
    if (!priority.name().equals(labels.get(Priority.LABEL))) {
      throw new IllegalArgumentException("labels must carry priority=\"" + priority + "\"");
    }
  }

  /** Why an alert has its priority. */
  public enum Reason {
    /** The alert already carried a valid {@code priority} label, which wins. */
    EXPLICIT_LABEL("explicit_label"),
    /** The severity label's value is one of the configured levels. */
    SEVERITY_LEVEL("severity_level"),
    /** No severity label, or a value no level names: the configured default applies. */
    DEFAULT("default");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** The value for a metric label or the explain record: {@code explicit_label}, {@code severity_level}, {@code default}. */
    public String label() {
      return label;
    }
  }
}
