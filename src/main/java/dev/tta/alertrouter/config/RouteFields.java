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

  /**
   * {@code flapping: {max_changes, window, stable_for, hold_p0, enabled}}, or null to inherit; keys
   * left out take {@link FlappingRule}'s defaults.
   */
  static FlappingRule flapping(YamlMap m) {
    Value v = m.get("flapping");
    if (v == null) {
      return null;
    }
    YamlMap f = v.mapping();
    f.allow("enabled", "max_changes", "window", "stable_for", "hold_p0");
    int maxChanges = FlappingRule.DEFAULT_MAX_CHANGES;
    Value max = f.get("max_changes");
    Long n = max == null ? null : max.nonNegativeInteger();
    if (n != null && (n < 1 || n > 1000)) {
      max.error("must be between 1 and 1000");
    } else if (n != null) {
      maxChanges = n.intValue();
    }
    Duration window = positive(f, "window", FlappingRule.DEFAULT_WINDOW);
    Duration stableFor = positive(f, "stable_for", FlappingRule.DEFAULT_STABLE_FOR);
    return new FlappingRule(f.bool("enabled", true), maxChanges, window, stableFor, f.bool("hold_p0", false));
  }

  /** {@code resolve: {send_when_muted, after_silence_expired, min_firing_duration}}, or null to inherit. */
  static ResolveRule resolve(YamlMap m) {
    Value v = m.get("resolve");
    if (v == null) {
      return null;
    }
    YamlMap r = v.mapping();
    r.allow("send_when_muted", "after_silence_expired", "min_firing_duration");
    ResolveRule.AfterSilenceExpired after = ResolveRule.DEFAULT.afterSilenceExpired();
    Value afterValue = r.get("after_silence_expired");
    String text = afterValue == null ? null : afterValue.text();
    if ("notify".equals(text)) {
      after = ResolveRule.AfterSilenceExpired.NOTIFY;
    } else if ("drop".equals(text)) {
      after = ResolveRule.AfterSilenceExpired.DROP;
    } else if (text != null) {
      afterValue.error("expected notify or drop, found \"" + text + "\"");
    }
    Value min = r.get("min_firing_duration");
    Duration minFiring = min == null ? null : min.duration();
    return new ResolveRule(r.bool("send_when_muted", false), after, minFiring == null ? Duration.ZERO : minFiring);
  }

  /** A duration that must be longer than zero, or {@code fallback} when absent or wrong (reported). */
  private static Duration positive(YamlMap m, String name, Duration fallback) {
    Value v = m.get(name);
    Duration d = v == null ? null : v.duration();
    if (d != null && d.isZero()) {
      v.error(name + " must be longer than 0s");
      return fallback;
    }
    return d == null ? fallback : d;
  }
}
