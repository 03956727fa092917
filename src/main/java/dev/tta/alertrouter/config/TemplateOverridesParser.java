package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an integration's {@code templates:} mapping (alert-router's own templates) and warns about
 * the Alertmanager fields that hold Go templates, which alert-router cannot run: an Alertmanager
 * configuration must load unchanged, so those fields are accepted and ignored, never fatal. The
 * template names are checked when the templates are compiled, where the valid names are known.
 */
final class TemplateOverridesParser {
  private TemplateOverridesParser() {}

  static Map<String, TemplateSource> templates(YamlMap m) {
    Map<String, TemplateSource> templates = new LinkedHashMap<>();
    for (YamlMap.Entry e : m.map("templates").entries()) {
      String name = ((ScalarNode) e.key().node()).getValue();
      String text = e.value().isNull() ? null : e.value().text();
      if (text == null) {
        if (e.value().isNull()) {
          e.value().error("empty template");
        }
        continue;
      }
      templates.put(name, new TemplateSource(text, e.key().location(), e.value().key()));
    }
    return templates;
  }

  /** Warns once per integration, listing the Go-template fields it sets. */
  static void warnIgnored(YamlMap m, String localKey, ReceiverScope scope, List<String> goTemplateFields) {
    List<String> present = new ArrayList<>();
    for (String name : goTemplateFields) {
      if (m.entry(name) != null) {
        present.add(name);
      }
    }
    if (!present.isEmpty()) {
      scope.problems().warn("receiver " + scope.receiver() + ": " + localKey + ": " + String.join(", ", present)
          + (present.size() == 1 ? " holds" : " hold") + " Alertmanager Go templates, which alert-router does not run;"
          + " ignored (alert-router's own templates go under " + localKey + ".templates)");
    }
  }
}
