package dev.tta.alertrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Labels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidNamesTest {
  @Test
  void agreesWithTheLabelNameRuleForNamesSeenAgainAndAgain() {
    ValidNames names = new ValidNames();
    Random random = new Random(8);
    String alphabet = "aZ_09-. é";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(0, 4); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // Interned, as Jackson hands names out, so that repeats are the same instance.
      String candidate = name.toString().intern();
      assertEquals(Labels.isValidName(candidate), names.isValid(candidate), candidate);
      assertEquals(Labels.isValidName(candidate), names.isValid(new String(candidate)), candidate);
    }
  }
}
