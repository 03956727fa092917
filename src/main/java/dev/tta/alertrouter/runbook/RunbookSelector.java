package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a runbook's {@code alerts:} list: the alerts it covers, as matchers, and where it was
 * written. A bare alertname {@code TTAServiceDown} is the single matcher {@code alertname="TTAServiceDown"}.
 *
 * <p>Its specificity is its number of matchers: {@code {alertname="TTAHighLatency", service="api"}}
 * (2) is more specific than {@code TTAHighLatency} (1), whatever the operators.
 */
public record RunbookSelector(List<Matcher> matchers, SourceLocation location) {
  /** What Prometheus accepts as an alert name; anything else must be written as matchers in braces. */
  private static final Pattern ALERTNAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  public RunbookSelector {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(location, "location");
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a runbook entry needs at least one matcher");
    }
  }

  /**
   * Reads an entry as written in front matter: an alertname, or a matcher list in braces parsed as
   * Alertmanager parses {@code matchers:}.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static RunbookSelector parse(String written, SourceLocation location) {
    String text = written.strip();
    if (text.startsWith("{")) {
      if (!text.endsWith("}")) {
        throw new IllegalArgumentException("matcher list \"" + text + "\" does not end with }");
      }
      List<Matcher> matchers = Matchers.parseList(text);
      if (matchers.isEmpty()) {
        throw new IllegalArgumentException("an empty matcher list would cover every alert; name the alerts");
      }
      return new RunbookSelector(matchers, location);
    }
    if (!ALERTNAME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not an alertname; write matchers in braces, e.g. {alertname=\"X\", service=\"api\"}");
    }
    return new RunbookSelector(List.of(Matcher.equal("alertname", text)), location);
  }

  public int specificity() {
    return matchers.size();
  }

  public boolean matches(Labels labels) {
    return Matchers.allMatch(matchers, labels);
  }

  /**
   * False only when no alert can match both: some label is pinned apart, i.e. one side requires
   * {@code name="v"} and the other side has a matcher on {@code name} that {@code v} fails, or one
   * side has {@code name=~"re"} and the other {@code name!~"re"}. Two different regexes, or two
   * negative matchers, on the same label are assumed to overlap: RE2 offers no intersection test,
   * and a false alarm at load is better than a silent coin toss at 3 a.m.
   */
  public boolean canOverlap(RunbookSelector other) {
    for (Matcher a : matchers) {
      for (Matcher b : other.matchers) {
        if (a.name().equals(b.name()) && disjoint(a, b)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean disjoint(Matcher a, Matcher b) {
    if (a.type() == Matcher.Type.EQUAL) {
      return !b.matches(a.value());
    }
    if (b.type() == Matcher.Type.EQUAL) {
      return !a.matches(b.value());
    }
    boolean oppositeRegexes =
        (a.type() == Matcher.Type.REGEX && b.type() == Matcher.Type.NOT_REGEX)
            || (a.type() == Matcher.Type.NOT_REGEX && b.type() == Matcher.Type.REGEX);
    return oppositeRegexes && a.value().equals(b.value());
  }

  /** Alertmanager's notation, {@code {alertname="X", service=~"api|web"}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < matchers.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(matchers.get(i));
    }
    return sb.append('}').toString();
  }
}
