package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import java.util.List;
import java.util.Objects;

/**
 * The story of one alert, as {@code GET /api/v1/alerts/{fingerprint}/explain} and the {@code
 * explain} command tell it.
 *
 * @param fingerprint the identity the alert arrived with
 * @param labels its labels as last routed (with {@code priority})
 * @param decisions in the order they were first taken
 * @param droppedDecisions how many older notification lines were let go to keep the record bounded
 */
public record Explanation(Fingerprint fingerprint, Labels labels, List<Decision> decisions, long droppedDecisions) {
  public Explanation {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(labels, "labels");
    decisions = List.copyOf(decisions);
    if (droppedDecisions < 0) {
      throw new IllegalArgumentException("droppedDecisions must not be negative");
    }
  }
}
