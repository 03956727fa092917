package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import java.util.Optional;

/** Reads {@code runbooks:}. */
final class RunbookParser {
  private RunbookParser() {}

  static RunbookSettings parse(YamlMap m) {
    m.allow("url_template");
    Value v = m.get("url_template");
    String template = v == null ? null : v.text();
    if (template == null) {
      return RunbookSettings.defaults();
    }
    String problem = placeholderProblem(template);
    if (problem != null) {
      v.error(problem);
      return RunbookSettings.defaults();
    }
    return new RunbookSettings(Optional.of(template));
  }

  /** Every {@code {...}} must name a label, so that a typo is found now rather than in a broken link. */
  private static String placeholderProblem(String template) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        return "unmatched \"}\" in url_template";
      }
      if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          return "unclosed \"{\" in url_template";
        }
        String label = template.substring(i + 1, close);
        if (!Labels.isValidName(label)) {
          return "\"{" + label + "}\" in url_template is not a label name";
        }
        i = close + 1;
        continue;
      }
      i++;
    }
    return null;
  }
}
