package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error and warning of one load, so that all of them are reported at once. */
final class Problems {
  private final List<ConfigError> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  void error(SourceLocation at, String key, String message) {
    errors.add(new ConfigError(at, key, message));
  }

  void warn(String message) {
    warnings.add(message);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The errors in reading order: by file, then by line (stable, so problems on one line keep their order). */
  List<ConfigError> errors() {
    List<ConfigError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparing((ConfigError e) -> e.location().file())
        .thenComparingInt(e -> e.location().line()));
    return List.copyOf(sorted);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
