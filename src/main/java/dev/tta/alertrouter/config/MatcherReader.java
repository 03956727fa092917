package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the matchers of a route or an inhibition rule as Alertmanager does: the deprecated
 * {@code match} (sorted by label name), then {@code match_re} (sorted by label name), then
 * {@code matchers} (each entry may hold several, comma-separated; sorted by name, value, type).
 */
final class MatcherReader {
  // Alertmanager sorts the parsed `matchers:` (labels.Matchers.Less), which `routes show` prints.
  private static final Comparator<Matcher> ALERTMANAGER_ORDER = Comparator.comparing(Matcher::name)
      .thenComparing(Matcher::value)
      .thenComparing(Matcher::type);

  private MatcherReader() {}

  static List<Matcher> collect(YamlMap m, String match, String matchRe, String matchers) {
    List<Matcher> all = new ArrayList<>();
    all.addAll(fromMap(m.map(match), false));
    all.addAll(fromMap(m.map(matchRe), true));
    all.addAll(fromStrings(m.list(matchers)));
    return all;
  }

  private static List<Matcher> fromMap(YamlMap map, boolean regex) {
    List<YamlMap.Entry> entries = new ArrayList<>(map.entries());
    entries.sort(Comparator.comparing(e -> name(e)));
    List<Matcher> out = new ArrayList<>();
    for (YamlMap.Entry e : entries) {
      String label = name(e);
      if (!Labels.isValidName(label)) {
        e.key().error("invalid label name \"" + label + "\"");
        continue;
      }
      String value = e.value().isNull() ? "" : e.value().text();
      if (value == null) {
        continue;
      }
      try {
        // Alertmanager 0.25 keeps a match_re value as its anchored form, "^(?:v)$", and prints it so
        // (routes show, route keys, group keys); the regex means the same either way.
        out.add(regex ? anchored(Matcher.regex(label, value)) : Matcher.equal(label, value));
      } catch (IllegalArgumentException ex) {
        e.value().error(ex.getMessage());
      }
    }
    return out;
  }

  private static Matcher anchored(Matcher checked) {
    return Matcher.regex(checked.name(), "^(?:" + checked.value() + ")$");
  }

  private static List<Matcher> fromStrings(List<Value> items) {
    List<Matcher> out = new ArrayList<>();
    for (Value item : items) {
      String text = item.text();
      if (text == null) {
        continue;
      }
      try {
        out.addAll(Matchers.parseList(text));
      } catch (IllegalArgumentException ex) {
        item.error(ex.getMessage());
      }
    }
    out.sort(ALERTMANAGER_ORDER);
    return out;
  }

  private static String name(YamlMap.Entry e) {
    return ((ScalarNode) e.key().node()).getValue();
  }
}
