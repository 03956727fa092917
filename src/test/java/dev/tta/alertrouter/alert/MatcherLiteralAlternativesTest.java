package dev.tta.alertrouter.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherLiteralAlternativesTest {
  private static final List<String> WORDS = List.of("", "api", "api-canary", "web", "Watchdog", "a b", "zürich", "x/y", "-");

  @Test
  void literalAlternativesMatchExactlyWhatTheAnchoredRegexMatches() {
    Random random = new Random(8);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder regex = new StringBuilder(WORDS.get(random.nextInt(WORDS.size())));
      for (int k = random.nextInt(4); k > 0; k--) {
        regex.append('|').append(WORDS.get(random.nextInt(WORDS.size())));
      }
      Matcher matcher = Matcher.regex("service", regex.toString());
      Matcher negated = Matcher.of("service", Matcher.Type.NOT_REGEX, regex.toString());
      assertTrue(matcher.literalAlternatives().isPresent(), regex.toString());
      Pattern reference = Pattern.compile("^(?:" + regex + ")$");
      for (String value : WORDS) {
        assertEquals(reference.matches(value), matcher.matches(value), regex + " on " + value);
        assertEquals(!reference.matches(value), negated.matches(value), "!~ " + regex + " on " + value);
      }
      assertEquals(reference.matches("api-canaryx"), matcher.matches("api-canaryx"));
    }
  }

  @Test
  void literalAlternativesListTheirValues() {
    assertEquals(Set.of("api", "web", ""), Matcher.regex("service", "api|web|").literalAlternatives().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.*", "a|b.", "(a|b)", "a+", "[ab]", "a{2}", "^a", "a$", "a?", "\\\\d", "(?i)api"})
  void anyOtherSyntaxIsLeftToTheRegexEngine(String regex) {
    assertTrue(Matcher.regex("service", regex).literalAlternatives().isEmpty());
  }

  @Test
  void equalityMatchersHaveNoAlternatives() {
    assertTrue(Matcher.equal("service", "api").literalAlternatives().isEmpty());
  }
}
