package dev.tta.alertrouter.config;

import java.util.Objects;

/**
 * One problem in a configuration, pointing at where it was written.
 *
 * @param location the file and line
 * @param key the dotted path of the offending key, e.g. {@code route.routes[1].group_wait}; empty
 *     when the problem is not about one key (a YAML syntax error, a missing file)
 * @param message what is wrong; never contains a secret
 */
public record ConfigError(SourceLocation location, String key, String message) {
  public ConfigError {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line: key: message}, leaving out the line when unknown and the key when empty. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(location.file());
    if (location.line() > 0) {
      sb.append(':').append(location.line());
    }
    sb.append(": ");
    if (!key.isEmpty()) {
      sb.append(key).append(": ");
    }
    return sb.append(message).toString();
  }
}
