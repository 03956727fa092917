package dev.tta.alertrouter.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses matchers written as Alertmanager 0.25 accepts them in {@code matchers:}, silences and
 * {@code amtool}: {@code {a="b", c=~"d.*"}}, braces optional, values quoted or not.
 */
public final class Matchers {
  // '=~' must come before '=' or the '~' would become part of the value.
  private static final Pattern MATCHER =
      Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*((?s).*?)\\s*$");

  private Matchers() {}

  /** Parses a comma-separated list; throws {@link IllegalArgumentException} naming the bad part. */
  public static List<Matcher> parseList(String input) {
    String s = input;
    if (s.startsWith("{")) {
      s = s.substring(1);
    }
    if (s.endsWith("}")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean insideQuotes = false;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ',' -> {
          if (!insideQuotes) {
            tokens.add(token.toString());
            token.setLength(0);
            continue;
          }
        }
        case '"' -> {
          if (!escaped) {
            insideQuotes = !insideQuotes;
          } else {
            escaped = false;
          }
        }
        case '\\' -> escaped = !escaped;
        default -> escaped = false;
      }
      token.append(c);
    }
    String last = token.toString().strip();
    if (!last.isEmpty()) {
      tokens.add(last);
    }
    List<Matcher> matchers = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      matchers.add(parse(t));
    }
    return matchers;
  }

  /** Parses one matcher such as {@code team="platform"} or {@code severity=~critical|page}. */
  public static Matcher parse(String input) {
    java.util.regex.Matcher m = MATCHER.matcher(input);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad matcher format: " + input);
    }
    String raw = m.group(3);
    boolean expectTrailingQuote = false;
    if (raw.startsWith("\"")) {
      raw = raw.substring(1);
      expectTrailingQuote = true;
    }
    StringBuilder value = new StringBuilder(raw.length());
    boolean escaped = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (escaped) {
        escaped = false;
        switch (c) {
          case 'n' -> value.append('\n');
          case '"', '\\' -> value.append(c);
          default -> value.append('\\').append(c); // a spurious escape stays literal
        }
        continue;
      }
      switch (c) {
        case '\\' -> {
          if (i < raw.length() - 1) {
            escaped = true;
          } else {
            value.append('\\');
          }
        }
        case '"' -> {
          if (!expectTrailingQuote || i < raw.length() - 1) {
            throw new IllegalArgumentException("matcher value contains unescaped double quote: " + m.group(3));
          }
          expectTrailingQuote = false;
        }
        default -> value.append(c);
      }
    }
    if (expectTrailingQuote) {
      throw new IllegalArgumentException("matcher value contains unescaped double quote: " + m.group(3));
    }
    return Matcher.of(m.group(1), Matcher.Type.fromOperator(m.group(2)), value.toString());
  }

  /** True when every matcher matches (an empty list matches everything). */
  public static boolean allMatch(List<Matcher> matchers, Labels labels) {
    for (Matcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
