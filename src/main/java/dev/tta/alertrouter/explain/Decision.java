package dev.tta.alertrouter.explain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One decision about one alert: what was decided, when, and the facts that decided it.
 *
 * @param at when it was first taken
 * @param stage which stage took it
 * @param subject what it is about within its stage (a route, a group, an integration), so that a
 *     repeat folds into the decision about the same subject; empty for single-valued stages
 * @param summary one readable line
 * @param details the facts, in a stable order; never a secret
 * @param lastAt when the same decision was last taken again ({@code at} when only once)
 * @param times how many times it was taken (1 or more)
 */
public record Decision(
    Instant at, DecisionStage stage, String subject, String summary, Map<String, String> details, Instant lastAt,
    int times) {

  public Decision {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(summary, "summary");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    Objects.requireNonNull(lastAt, "lastAt");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    if (lastAt.isBefore(at)) {
      throw new IllegalArgumentException("lastAt " + lastAt + " is before at " + at);
    }
  }

  /** A decision taken once, at {@code at}. */
  public static Decision of(Instant at, DecisionStage stage, String subject, String summary, Map<String, String> details) {
    return new Decision(at, stage, subject, summary, details, at, 1);
  }
}
