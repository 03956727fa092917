package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows a long list of sibling routes to those an alert could match, so that matching an alert
 * against a wide tree (one child per team or service) costs one hash lookup instead of a pass over
 * every sibling. Siblings are keyed by their equality matcher on the label name most of them test,
 * or by each value of a regex matcher on it that is literal alternatives only ({@code api|web});
 * siblings without one stay candidates for every alert. Candidates keep tree order, so matching
 * over them gives the same result as matching over all siblings.
 */
final class SiblingIndex {
  /** Below this many siblings a plain pass is as fast as a lookup. */
  private static final int MIN_SIBLINGS = 8;
  /** Bounds the copies of unkeyed siblings kept per value. */
  private static final int MAX_ENTRIES_PER_SIBLING = 32;

  private final String labelName;
  private final Map<String, int[]> candidatesByValue;
  private final int[] unkeyed;

  private SiblingIndex(String labelName, Map<String, int[]> candidatesByValue, int[] unkeyed) {
    this.labelName = labelName;
    this.candidatesByValue = candidatesByValue;
    this.unkeyed = unkeyed;
  }

  /** An index over {@code siblings}, or null when one would not pay. */
  static SiblingIndex build(Route[] siblings) {
    if (siblings.length < MIN_SIBLINGS) {
      return null;
    }
    String name = mostTestedLabel(siblings);
    if (name == null) {
      return null;
    }
    Map<String, List<Integer>> keyed = new HashMap<>();
    List<Integer> unkeyed = new ArrayList<>();
    for (int i = 0; i < siblings.length; i++) {
      Set<String> values = keyValues(siblings[i], name);
      if (values == null) {
        unkeyed.add(i);
      } else {
        for (String value : values) {
          keyed.computeIfAbsent(value, v -> new ArrayList<>()).add(i);
        }
      }
    }
    if (unkeyed.size() * 2 > siblings.length
        || (long) keyed.size() * unkeyed.size() > (long) MAX_ENTRIES_PER_SIBLING * siblings.length) {
      return null;
    }
    Map<String, int[]> candidates = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : keyed.entrySet()) {
      candidates.put(e.getKey(), mergeSorted(e.getValue(), unkeyed));
    }
    return new SiblingIndex(name, candidates, toArray(unkeyed));
  }

  /** Indexes, ascending, of the siblings whose matchers could match {@code labels}. */
  int[] candidates(Labels labels) {
    int[] c = candidatesByValue.get(labels.getOrEmpty(labelName));
    return c != null ? c : unkeyed;
  }

  private static String mostTestedLabel(Route[] siblings) {
    Map<String, Integer> counts = new HashMap<>();
    for (Route r : siblings) {
      r.matchers().stream()
          .filter(m -> keyValues(m) != null)
          .map(Matcher::name)
          .distinct()
          .forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * The values of the route's first matcher on {@code name} that matches only a known set of values
   * (an equality, or a regex of literal alternatives): the route matches no alert with another value.
   */
  private static Set<String> keyValues(Route route, String name) {
    for (Matcher m : route.matchers()) {
      Set<String> values = m.name().equals(name) ? keyValues(m) : null;
      if (values != null) {
        return values;
      }
    }
    return null;
  }

  private static Set<String> keyValues(Matcher m) {
    return switch (m.type()) {
      case EQUAL -> Set.of(m.value());
      case REGEX -> m.literalAlternatives().orElse(null);
      default -> null;
    };
  }

  private static int[] mergeSorted(List<Integer> a, List<Integer> b) {
    int[] out = new int[a.size() + b.size()];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a.get(i) < b.get(j))) {
        out[k++] = a.get(i++);
      } else {
        out[k++] = b.get(j++);
      }
    }
    return out;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
