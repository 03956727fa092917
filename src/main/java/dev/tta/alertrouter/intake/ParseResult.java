package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.alert.Alert;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a parser made of a body: a batch (perhaps with some bad alerts) or a rejection of all of it. */
public sealed interface ParseResult {

  /**
   * The good alerts of a payload, and a problem for each fault in the bad ones. The good alerts are
   * meant to be stored even when there are problems: neither Prometheus nor Alertmanager resends on
   * a 4xx, so dropping them would lose them.
   *
   * @param alerts the valid alerts, in payload order
   * @param problems every fault found, each naming the alert's index
   * @param received how many alerts the payload held, good and bad
   * @param truncatedAlerts how many alerts Alertmanager left out of the payload ({@code max_alerts})
   */
  record Batch(
      AlertSource source, List<Alert> alerts, List<Problem> problems, int received, int truncatedAlerts)
      implements ParseResult {
    public Batch {
      Objects.requireNonNull(source, "source");
      alerts = List.copyOf(alerts);
      problems = List.copyOf(problems);
      if (received < alerts.size() || truncatedAlerts < 0) {
        throw new IllegalArgumentException("received " + received + " < valid " + alerts.size());
      }
    }

    /** The alerts refused, each with the reason of its first problem, in index order. */
    public List<Problem> firstProblemPerAlert() {
      TreeMap<Integer, Problem> first = problems.stream()
          .filter(p -> p.index() != null)
          .collect(Collectors.toMap(Problem::index, p -> p, (a, b) -> a, TreeMap::new));
      return List.copyOf(first.values());
    }
  }

  /** A payload refused as a whole (malformed JSON, wrong shape, unknown version): nothing is stored. */
  record Rejected(AlertSource source, InvalidReason reason, List<Problem> problems) implements ParseResult {
    public Rejected {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection names at least one problem");
      }
    }

    static Rejected of(AlertSource source, Problem problem) {
      return new Rejected(source, problem.reason(), List.of(problem));
    }
  }
}
