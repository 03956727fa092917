package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.ConfigError;
import java.util.List;
import java.util.Optional;

/**
 * What loading {@code runbooks/} produced: the catalog, or every error found (never both). On a
 * reload with errors the caller keeps its previous catalog.
 */
public record RunbookLoadResult(Optional<Runbooks> runbooks, List<ConfigError> errors) {
  public RunbookLoadResult {
    errors = List.copyOf(errors);
    if (runbooks.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("exactly one of runbooks and errors must be present");
    }
  }

  static RunbookLoadResult loaded(Runbooks runbooks) {
    return new RunbookLoadResult(Optional.of(runbooks), List.of());
  }

  static RunbookLoadResult failed(List<ConfigError> errors) {
    return new RunbookLoadResult(Optional.empty(), errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
