package dev.tta.alertrouter.config;

import java.util.List;

/**
 * What loading a configuration produced: the configuration, or every error found.
 *
 * @param config the configuration; null when {@code errors} is not empty
 * @param errors every problem found, in file order
 * @param warnings things that load but may not do what the author expects (a receiver in dry-run)
 */
public record LoadResult(RouterConfig config, List<ConfigError> errors, List<String> warnings) {
  public LoadResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (errors.isEmpty() == (config == null)) {
      throw new IllegalArgumentException("exactly one of config and errors must be present");
    }
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
