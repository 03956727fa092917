package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Matcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order Alertmanager's {@code labels.Matchers} sorts in: by name, then value, then operator
 * ({@code = != =~ !~}). It decides how a route prints and so its key, which names its groups. Go
 * compares strings byte by byte in UTF-8, which is code point order; Java's {@code String.compareTo}
 * compares UTF-16 units and disagrees above U+FFFF, hence the explicit loop.
 */
final class MatcherOrder {
  private MatcherOrder() {}

  static List<Matcher> sorted(Collection<Matcher> matchers) {
    List<Matcher> list = new ArrayList<>(matchers);
    list.sort(MatcherOrder::compare);
    return List.copyOf(list);
  }

  static int compare(Matcher a, Matcher b) {
    int c = compareCodePoints(a.name(), b.name());
    if (c != 0) {
      return c;
    }
    c = compareCodePoints(a.value(), b.value());
    if (c != 0) {
      return c;
    }
    return a.type().compareTo(b.type());
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
