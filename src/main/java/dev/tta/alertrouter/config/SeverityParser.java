package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code severity:}; absent keys keep their defaults. */
final class SeverityParser {
  private SeverityParser() {}

  static SeverityConfig parse(YamlMap m) {
    m.allow("label", "levels", "default");
    SeverityConfig defaults = SeverityConfig.defaults();
    String label = m.string("label", defaults.label());
    if (!Labels.isValidName(label)) {
      m.get("label").error("invalid label name \"" + label + "\"");
      label = defaults.label();
    }
    Map<String, Priority> levels = defaults.levels();
    if (m.has("levels")) {
      levels = new LinkedHashMap<>();
      for (YamlMap.Entry e : m.map("levels").entries()) {
        Priority p = priority(e.value());
        if (p != null) {
          levels.put(((ScalarNode) e.key().node()).getValue(), p);
        }
      }
    }
    Priority fallback = m.has("default") ? priority(m.get("default")) : null;
    return new SeverityConfig(label, levels, fallback == null ? defaults.defaultPriority() : fallback);
  }

  static Priority priority(Value v) {
    String text = v.isNull() ? "" : v.text();
    if (text == null) {
      return null;
    }
    try {
      return Priority.valueOf(text);
    } catch (IllegalArgumentException e) {
      v.error("unknown priority \"" + text + "\" (want P0, P1 or P2)");
      return null;
    }
  }
}
