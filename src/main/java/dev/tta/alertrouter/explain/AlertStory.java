package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decisions about one alert so far, bounded: a repeated decision folds into the earlier one
 * about the same subject, and past {@code maxDecisions} the oldest notification line goes first, so
 * the decisions that explain why an alert went where it went stay while it keeps paging.
 */
final class AlertStory {
  private final Fingerprint fingerprint;
  private final int maxDecisions;
  private final List<Decision> decisions = new ArrayList<>();
  private Labels labels;
  private long dropped;

  AlertStory(Fingerprint fingerprint, Labels labels, int maxDecisions) {
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.labels = Objects.requireNonNull(labels, "labels");
    if (maxDecisions < 1) {
      throw new IllegalArgumentException("maxDecisions must be at least 1");
    }
    this.maxDecisions = maxDecisions;
  }

  /**
   * Adds {@code decision}, or folds it into the latest one about the same subject when it decides
   * the same again.
   *
   * @return true when it folded: it told nothing new
   */
  synchronized boolean add(Labels latestLabels, Decision decision) {
    labels = Objects.requireNonNull(latestLabels, "latestLabels");
    if (decision.stage().folds()) {
      for (int i = decisions.size() - 1; i >= 0; i--) {
        Decision earlier = decisions.get(i);
        if (earlier.stage() == decision.stage() && earlier.subject().equals(decision.subject())) {
          if (earlier.sameAs(decision)) {
            decisions.set(i, earlier.repeatedAt(decision.at()));
            return true;
          }
          break;
        }
      }
    }
    decisions.add(decision);
    if (decisions.size() > maxDecisions) {
      decisions.remove(oldestToDrop());
      dropped++;
    }
    return false;
  }

  /** The oldest notification line, else the oldest line. */
  private int oldestToDrop() {
    for (int i = 0; i < decisions.size(); i++) {
      if (!decisions.get(i).stage().folds()) {
        return i;
      }
    }
    return 0;
  }

  synchronized Explanation snapshot() {
    return new Explanation(fingerprint, labels, decisions, dropped);
  }
}
