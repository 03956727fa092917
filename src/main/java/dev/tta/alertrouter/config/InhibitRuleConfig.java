package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.util.List;
import java.util.Objects;

/**
 * PROVISIONAL (mute branch): stands in for the config branch's record of the same name until it
 * lands; replaced by theirs on merge.
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
