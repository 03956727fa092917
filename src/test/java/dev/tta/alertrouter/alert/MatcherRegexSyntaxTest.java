package dev.tta.alertrouter.alert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regex syntax as Go's regexp in Alertmanager 0.25 takes it (each case checked with amtool check-config). */
class MatcherRegexSyntaxTest {
  private static String refusal(String regex) {
    return assertThrows(IllegalArgumentException.class, () -> Matcher.regex("x", regex)).getMessage();
  }

  @Test
  void lookaheadIsRefusedWithGosMessage() {
    assertEquals("invalid regular expression \"(?=x)\": invalid or unsupported Perl syntax: `(?=`", refusal("(?=x)"));
  }

  @Test
  void backreferenceIsRefusedWithGosMessage() {
    assertEquals("invalid regular expression \"(a)\\1\": invalid escape sequence: `\\1`", refusal("(a)\\1"));
  }

  @Test
  void angleBracketNamedGroupIsRefusedAsGoBefore122Does() {
    assertEquals("invalid regular expression \"(?<n>a)\": invalid or unsupported Perl syntax: `(?<`", refusal("(?<n>a)"));
    assertTrue(refusal("(?<=a)b").contains("`(?<`"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\Qab", "a*+", "\\Z", "\\C", "a{1001}", "[a-\\d]", "\\8"})
  void syntaxGoRefusesIsRefused(String regex) {
    assertTrue(refusal(regex).startsWith("invalid regular expression \"" + regex + "\": "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"(?P<n>a)", "\\z", "\\Qa.b\\E", "[[:alpha:]]", "\\pL", "(?U)a+", "(?i)A", "a{,3}", "\\b", "[(?<]", "\\(?<", "\\Q(?<\\E", "[]a](?:b)", "[[:alpha:](?<]"})
  void syntaxGoAcceptsIsAccepted(String regex) {
    assertDoesNotThrow(() -> Matcher.regex("x", regex));
  }

  @Test
  void dotDoesNotMatchNewlineAsInGo() {
    assertFalse(Matcher.regex("x", "a.b").matches("a\nb"));
    assertTrue(Matcher.regex("x", "(?s)a.b").matches("a\nb"));
  }
}
