package dev.tta.alertrouter;

import dev.tta.alertrouter.config.ConfigError;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration did not load: every error, each naming file, line and key. */
public final class ConfigException extends Exception {
  private final List<String> errors;

  public ConfigException(List<String> errors) {
    super(errors.size() + " configuration error(s):\n" + String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  static ConfigException of(List<ConfigError> errors) {
    return new ConfigException(errors.stream().map(ConfigError::toString).collect(Collectors.toList()));
  }

  public List<String> errors() {
    return errors;
  }
}
