package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.util.List;
import java.util.Objects;

/**
 * An inhibition rule: while an alert matching every source matcher fires, alerts matching every
 * target matcher that carry the same values for the {@code equal} labels are muted. The deprecated
 * {@code source_match(_re)} and {@code target_match(_re)} are already folded into the matchers.
 */
public record InhibitRuleConfig(
    List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal, SourceLocation location) {
  public InhibitRuleConfig {
    sourceMatchers = List.copyOf(sourceMatchers);
    targetMatchers = List.copyOf(targetMatchers);
    equal = List.copyOf(equal);
    Objects.requireNonNull(location, "location");
  }
}
