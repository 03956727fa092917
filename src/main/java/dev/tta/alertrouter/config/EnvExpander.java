package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} references to environment variables in string values. {@code $${} stands
 * for a literal {@code ${}; any other {@code $} is left alone, so regexes such as {@code a$} keep
 * working.
 */
final class EnvExpander {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Map<String, String> environment;

  EnvExpander(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /** The expanded text, and the names of referenced variables that are not set. */
  record Expansion(String text, List<String> unset) {
    boolean complete() {
      return unset.isEmpty();
    }
  }

  Expansion expand(String text) {
    if (text.indexOf('$') < 0) {
      return new Expansion(text, List.of());
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    List<String> unset = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      String name = m.group(1);
      if (name == null) {
        out.append("${");
      } else if (environment.containsKey(name)) {
        out.append(environment.get(name));
      } else {
        unset.add(name);
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    return new Expansion(out.toString(), List.copyOf(unset));
  }
}
