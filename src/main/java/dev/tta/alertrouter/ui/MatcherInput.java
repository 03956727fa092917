package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import java.util.List;

/**
 * Matchers typed as amtool takes them — {@code team="platform" priority=~"P0|P1"}, separated by
 * spaces, commas or new lines, optionally in braces — parsed by the same {@link Matchers} as the API.
 */
final class MatcherInput {
  private MatcherInput() {}

  /** @throws IllegalArgumentException naming the bad matcher */
  static List<Matcher> parse(String input) {
    if (input == null || input.isBlank()) {
      return List.of();
    }
    StringBuilder commas = new StringBuilder(input.length());
    boolean inQuotes = false;
    boolean escaped = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!inQuotes && Character.isWhitespace(c)) {
        commas.append(',');
        continue;
      }
      if (c == '"' && !escaped) {
        inQuotes = !inQuotes;
      }
      escaped = c == '\\' && !escaped;
      commas.append(c);
    }
    String joined = commas.toString().strip();
    if (joined.startsWith("{") && joined.endsWith("}")) {
      joined = joined.substring(1, joined.length() - 1);
    }
    StringBuilder cleaned = new StringBuilder();
    for (String part : splitOutsideQuotes(joined)) {
      if (!part.isEmpty()) {
        if (cleaned.length() > 0) {
          cleaned.append(',');
        }
        cleaned.append(part);
      }
    }
    return cleaned.length() == 0 ? List.of() : Matchers.parseList(cleaned.toString());
  }

  private static List<String> splitOutsideQuotes(String s) {
    List<String> parts = new java.util.ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean inQuotes = false;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' && !inQuotes) {
        parts.add(part.toString());
        part.setLength(0);
        continue;
      }
      if (c == '"' && !escaped) {
        inQuotes = !inQuotes;
      }
      escaped = c == '\\' && !escaped;
      part.append(c);
    }
    parts.add(part.toString());
    return parts;
  }

  /** Matchers written back as amtool takes them, one per line. */
  static String format(List<Matcher> matchers) {
    StringBuilder out = new StringBuilder();
    for (Matcher m : matchers) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(m);
    }
    return out.toString();
  }
}
