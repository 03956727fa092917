package dev.tta.alertrouter.alert;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A label matcher as Alertmanager defines it ({@code pkg/labels}): {@code =}, {@code !=}, {@code =~}
 * and {@code !~}. Regexes use RE2 syntax (re2j, the same engine semantics as Go's {@code regexp}),
 * are anchored at both ends and, as in Go, '.' does not match a newline unless the pattern says
 * {@code (?s)}; syntax Go refuses is refused here too. A missing label is matched as the empty string.
 */
public final class Matcher {
  private final String name;
  private final Type type;
  private final String value;
  private final Pattern pattern;
  private final Set<String> literals;

  private Matcher(String name, Type type, String value) {
    // Interned: label names in alerts are, so Labels.get finds this one by identity.
    this.name = Objects.requireNonNull(name, "name").intern();
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
    this.pattern = type.isRegex() ? compile(value) : null;
    this.literals = type.isRegex() ? literalAlternatives(value) : null;
  }

  /**
   * The strings a regex made of literal alternatives only ({@code A|B|C}, no other syntax) matches,
   * or null for any other regex. Routes and inhibition rules are full of these; a set lookup instead
   * of a run of the regex engine was a measured gain, and it lets a route tree index them
   * (bench/README.md). Anchored matching of such a regex is exactly membership in the set.
   */
  private static Set<String> literalAlternatives(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if ("\\.+*?()[]{}^$".indexOf(regex.charAt(i)) >= 0) {
        return null;
      }
    }
    return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(regex.split("\\|", -1))));
  }

  /**
   * Builds a matcher; throws {@link IllegalArgumentException} naming the problem when the regex does
   * not compile under RE2.
   */
  public static Matcher of(String name, Type type, String value) {
    return new Matcher(name, type, value);
  }

  public static Matcher equal(String name, String value) {
    return new Matcher(name, Type.EQUAL, value);
  }

  public static Matcher regex(String name, String value) {
    return new Matcher(name, Type.REGEX, value);
  }

  // No DOTALL: Alertmanager 0.25 compiles "^(?:" + v + ")$" with Go's defaults, so '.' does not
  // match a newline there either (checked against amtool).
  private static Pattern compile(String regex) {
    if (GoRegexSyntax.hasAngleBracketGroup(regex)) {
      // re2j accepts (?<name>...), Go before 1.22 (which Alertmanager 0.25 is built with) does not.
      throw new IllegalArgumentException(
          "invalid regular expression \"" + regex + "\": invalid or unsupported Perl syntax: `(?<`");
    }
    String anchored = "^(?:" + regex + ")$";
    try {
      return Pattern.compile(anchored);
    } catch (PatternSyntaxException e) {
      // Name the offending fragment, as Go does, unless it is just our anchored copy of the whole.
      String fragment = e.getPattern().equals(anchored) ? "" : ": `" + e.getPattern() + "`";
      throw new IllegalArgumentException(
          "invalid regular expression \"" + regex + "\": " + e.getDescription() + fragment, e);
    }
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public String value() {
    return value;
  }

  public boolean matches(Labels labels) {
    return matches(labels.getOrEmpty(name));
  }

  public boolean matches(String labelValue) {
    return switch (type) {
      case EQUAL -> value.equals(labelValue);
      case NOT_EQUAL -> !value.equals(labelValue);
      case REGEX -> literals != null ? literals.contains(labelValue) : pattern.matches(labelValue);
      case NOT_REGEX -> literals != null ? !literals.contains(labelValue) : !pattern.matches(labelValue);
    };
  }

  /**
   * For an {@code =~} or {@code !~} matcher whose regex is literal alternatives only ({@code A|B}),
   * the values the regex matches; empty for any other matcher.
   */
  public Optional<Set<String>> literalAlternatives() {
    return Optional.ofNullable(literals);
  }

  /** As Alertmanager prints a matcher: {@code name="value"} with the value escaped. */
  @Override
  public String toString() {
    return name + type.operator() + '"' + escape(value) + '"';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher m && name.equals(m.name) && type == m.type && value.equals(m.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }

  /** OpenMetrics escaping of a label value: backslash, double quote and newline. */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '\\' -> "\\\\";
        case '"' -> "\\\"";
        case '\n' -> "\\n";
        default -> null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** The four operators. */
  public enum Type {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    public String operator() {
      return operator;
    }

    public boolean isRegex() {
      return this == REGEX || this == NOT_REGEX;
    }

    public static Type fromOperator(String op) {
      for (Type t : values()) {
        if (t.operator.equals(op)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown matcher operator: " + op);
    }
  }
}
