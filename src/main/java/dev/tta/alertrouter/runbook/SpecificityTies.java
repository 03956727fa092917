package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.ConfigError;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the pairs of runbooks that would leave "which runbook?" to chance: an entry of one and an
 * entry of another with the same specificity (number of matchers) that can both match one alert
 * ({@link RunbookSelector#canOverlap}). Entries of the same runbook never conflict: either gives
 * the same answer.
 */
final class SpecificityTies {
  private SpecificityTies() {}

  static List<ConfigError> find(List<Runbook> runbooks) {
    List<ConfigError> errors = new ArrayList<>();
    for (int i = 0; i < runbooks.size(); i++) {
      for (int j = i + 1; j < runbooks.size(); j++) {
        compare(runbooks.get(i), runbooks.get(j), errors);
      }
    }
    return errors;
  }

  private static void compare(Runbook first, Runbook second, List<ConfigError> errors) {
    for (RunbookSelector a : first.selectors()) {
      for (int k = 0; k < second.selectors().size(); k++) {
        RunbookSelector b = second.selectors().get(k);
        if (a.specificity() == b.specificity() && a.canOverlap(b)) {
          errors.add(new ConfigError(
              b.location(),
              "alerts[" + k + "]",
              b + " and " + a + " at " + a.location() + " (runbook " + first.name() + ") are equally specific ("
                  + a.specificity() + (a.specificity() == 1 ? " matcher" : " matchers")
                  + ") and can match the same alert; add a matcher to the one that should win, or pin them apart"));
        }
      }
    }
  }
}
