package dev.tta.alertrouter.severity;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.SeverityConfig;
import java.util.Objects;

/**
 * Gives every alert a priority label before routing, so routes and inhibition rules can match on
 * {@code priority="P0"}. A valid {@code priority} the alert rule set itself wins over the severity
 * mapping: whoever wrote the rule knew best. Stateless apart from its configuration; thread-safe.
 */
public final class SeverityClassifier {
  private final SeverityConfig config;
  private final ClassificationListener listener;

  public SeverityClassifier(SeverityConfig config, ClassificationListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** A classifier that counts nothing, for commands that only ask where an alert would go. */
  public SeverityClassifier(SeverityConfig config) {
    this(config, ClassificationListener.NONE);
  }

  /** The alert's labels with {@code priority} set, and why; tells the listener. */
  public Classification classify(Labels labels) {
    Objects.requireNonNull(labels, "labels");
    String severity = presentValue(labels, config.label());
    String existing = presentValue(labels, Priority.LABEL);
    Priority explicit = parse(existing);
    Classification c;
    if (explicit != null) {
      c = new Classification(labels, explicit, Classification.Reason.EXPLICIT_LABEL, severity, null);
    } else {
      // One look-up: this runs for every copy of every alert received.
      Priority mapped = severity == null ? null : config.levels().get(severity);
      Priority p = mapped != null ? mapped : config.defaultPriority();
      c = new Classification(withPriority(labels, p),
          p, mapped != null ? Classification.Reason.SEVERITY_LEVEL : Classification.Reason.DEFAULT, severity, existing);
    }
    listener.classified(c.priority(), c.reason(), c.replacedPriority() != null);
    return c;
  }

  /**
   * {@code labels} with {@code priority} set to {@code p}: the same object as last time when the
   * labels are, so every resend sharing the held alert's labels gets the same classified labels
   * (whose memo the dispatcher keeps) without copying them and hashing them again. What is kept
   * with the labels is only ever their copy with some priority, so it is the answer when its
   * priority is {@code p}, whichever configuration made it; nothing else is kept for it.
   */
  private static Labels withPriority(Labels labels, Priority p) {
    if (labels.remembered() instanceof Labels classified && p.name().equals(classified.get(Priority.LABEL))) {
      return classified;
    }
    Labels classified = labels.with(Priority.LABEL, p.name());
    labels.remember(classified);
    return classified;
  }

  /** The label's value, or null when it is absent or empty: Prometheus treats both alike. */
  private static String presentValue(Labels labels, String name) {
    String v = labels.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  private static Priority parse(String value) {
    if (value == null) {
      return null;
    }
    for (Priority p : Priority.values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    return null;
  }
}
