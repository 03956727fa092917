package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The grouping settings routes and teams share, validated as Alertmanager validates a route. */
final class RouteFields {
  private RouteFields() {}

  /**
   * {@code group_by}, or null to inherit: when absent, and also when empty, as Alertmanager treats
   * {@code group_by: []}; {@code ["..."]} means every label.
   */
  static List<String> groupBy(YamlMap m) {
    Value v = m.get("group_by");
    if (v == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean all = false;
    for (Value item : v.elements()) {
      String name = item.text();
      if (name == null) {
        continue;
      }
      if (name.equals("...")) {
        all = true;
      } else if (!Labels.isValidName(name)) {
        item.error("invalid label name \"" + name + "\" in group_by list");
      } else if (!seen.add(name)) {
        item.error("duplicated label \"" + name + "\" in group_by");
      } else {
        names.add(name);
      }
    }
    if (all && !names.isEmpty()) {
      v.error("cannot have wildcard group_by (`...`) and other labels at the same time");
    }
    if (all) {
      return List.of("...");
    }
    return names.isEmpty() ? null : names;
  }

  /** A route timer, or null when absent; {@code group_interval} and {@code repeat_interval} must not be zero. */
  static Duration timer(YamlMap m, String name) {
    Value v = m.get(name);
    Duration d = v == null ? null : v.duration();
    if (d != null && d.isZero() && !name.equals("group_wait")) {
      v.error(name + " cannot be zero");
      return null;
    }
    return d;
  }
}
