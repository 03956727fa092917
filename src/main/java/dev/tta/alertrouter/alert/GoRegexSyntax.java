package dev.tta.alertrouter.alert;

/**
 * The places where re2j accepts a pattern that Go's {@code regexp} (as built into Alertmanager 0.25)
 * refuses. re2j is a port of Go's parser, so the list is short; each entry was checked against
 * {@code amtool check-config}.
 */
final class GoRegexSyntax {
  private GoRegexSyntax() {}

  /** True when {@code regex} opens a group with {@code (?<} outside escapes and character classes. */
  static boolean hasAngleBracketGroup(String regex) {
    boolean inClass = false;
    int n = regex.length();
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (!inClass && i + 1 < n && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          if (end < 0) {
            return false; // the rest of the pattern is literal text
          }
          i = end + 1;
        } else {
          i++;
        }
      } else if (inClass) {
        if (c == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
          int end = regex.indexOf(":]", i + 2);
          if (end >= 0) {
            i = end + 1; // a POSIX class such as [:alpha:]
          }
        } else if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < n && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < n && regex.charAt(i + 1) == ']') {
          i++; // a ']' first in a class is a literal
        }
      } else if (c == '(' && regex.startsWith("?<", i + 1)) {
        return true;
      }
    }
    return false;
  }
}
