package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code inhibit_rules:}. */
final class InhibitRuleParser {
  private InhibitRuleParser() {}

  static List<InhibitRuleConfig> parseAll(List<Value> items) {
    List<InhibitRuleConfig> rules = new ArrayList<>();
    for (Value item : items) {
      YamlMap m = item.mapping();
      m.allow("source_match", "source_match_re", "source_matchers", "target_match", "target_match_re",
          "target_matchers", "equal");
      rules.add(new InhibitRuleConfig(
          MatcherReader.collect(m, "source_match", "source_match_re", "source_matchers"),
          MatcherReader.collect(m, "target_match", "target_match_re", "target_matchers"),
          equal(m),
          item.location()));
    }
    return rules;
  }

  private static List<String> equal(YamlMap m) {
    List<String> names = new ArrayList<>();
    for (Value item : m.list("equal")) {
      String name = item.text();
      if (name == null) {
        continue;
      }
      if (Labels.isValidName(name)) {
        names.add(name);
      } else {
        item.error("invalid label name \"" + name + "\" in equal list");
      }
    }
    return names;
  }
}
