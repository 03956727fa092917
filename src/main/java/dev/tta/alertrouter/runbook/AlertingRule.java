package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.SourceLocation;
import java.util.Objects;
import java.util.Set;

/**
 * An alerting rule of a Prometheus rule file, as far as coverage needs it.
 *
 * @param staticLabels {@code alertname} and the rule's labels whose values are plain text
 * @param templatedLabels names of the rule's labels whose values are templates ({@code {{ $labels.x }}}),
 *     known only when the alert fires
 * @param location where {@code alert:} is written
 */
record AlertingRule(Labels staticLabels, Set<String> templatedLabels, SourceLocation location) {
  AlertingRule {
    Objects.requireNonNull(staticLabels, "staticLabels");
    templatedLabels = Set.copyOf(templatedLabels);
    Objects.requireNonNull(location, "location");
  }

  String alertname() {
    return staticLabels.getOrEmpty("alertname");
  }
}
