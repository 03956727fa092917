package dev.tta.alertrouter.explain;

import java.time.Instant;
import java.util.Map;

/**
 * What a stage decided about an alert, without when, and put into words only when someone reads it
 * (explain, a debug log line). A storm repeats the same decisions for every copy of every alert; the
 * explain record compares a repeat with the last decision of its stage and subject by value and
 * folds it, so the words are never built for a decision that told nothing new.
 *
 * <p>Implementations are values: two equal verdicts have the same words. Two unequal ones may still
 * read the same (a route of a reloaded tree), so the record compares a verdict that differs by its
 * words before it counts as news.
 */
public interface Verdict {
  DecisionStage stage();

  /** What it is about within its stage: see {@link Decision#subject()}. */
  String subject();

  /** One readable line: see {@link Decision#summary()}. */
  String summary();

  /** The facts, in a stable order, never a secret: see {@link Decision#details()}. */
  Map<String, String> details();

  /** This verdict as a decision taken once, at {@code at}. */
  default Decision takenAt(Instant at) {
    return Decision.of(at, stage(), subject(), summary(), details());
  }
}
