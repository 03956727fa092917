package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.SourceLocation;
import java.util.Objects;

/**
 * Why a label set is inhibited: the first firing source found, under the first rule (in config order)
 * that mutes it.
 *
 * @param ruleIndex 0-based position of the rule in {@code inhibit_rules}
 * @param ruleLocation where the rule is written
 * @param source the firing alert that inhibits
 */
public record InhibitionReason(int ruleIndex, SourceLocation ruleLocation, Alert source) {
  public InhibitionReason {
    if (ruleIndex < 0) {
      throw new IllegalArgumentException("ruleIndex must not be negative: " + ruleIndex);
    }
    Objects.requireNonNull(ruleLocation, "ruleLocation");
    Objects.requireNonNull(source, "source");
  }

  /** One line for logs and explain, e.g. {@code inhibited by 1a2b... {alertname="X"} (inhibit_rules[0] at a.yml:12)}. */
  public String describe() {
    return "inhibited by " + source.fingerprint() + " " + source.labels()
        + " (inhibit_rules[" + ruleIndex + "] at " + ruleLocation + ")";
  }
}
