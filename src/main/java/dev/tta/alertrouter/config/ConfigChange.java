package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * One difference between two loaded configurations. Secrets are never part of it: a changed secret
 * is named, its values are shown as {@code <secret>}.
 *
 * @param kind {@code added}, {@code removed} or {@code changed}
 * @param section {@code route}, {@code receiver}, {@code inhibit_rule}, {@code time_interval}, {@code team},
 *     or another top-level section ({@code global}, {@code severity}, {@code runbooks}, {@code server})
 * @param name the route's path of matchers, the receiver's, interval's or team's name, the rule's matchers
 * @param location where it is written ({@code file:line}; the old one for a removal)
 * @param details for a change, one {@code field: old -> new} per field that differs
 */
public record ConfigChange(String kind, String section, String name, String location, List<String> details) {
  public ConfigChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    details = List.copyOf(details);
  }

  @Override
  public String toString() {
    return section + " " + name + " " + kind + " (" + location + ")" + (details.isEmpty() ? "" : ": " + String.join("; ", details));
  }
}
