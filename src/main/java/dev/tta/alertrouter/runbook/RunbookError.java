package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.SourceLocation;
import java.util.Objects;

/**
 * One problem in {@code runbooks/} or in a rule file, pointing at where it was written. Prints as
 * the config package's errors do, {@code file:line: key: message}, so check-config lists both alike.
 *
 * @param location the file and line
 * @param key the front-matter key ({@code alerts[1]}), or empty when the problem is the whole file
 * @param message what is wrong
 */
public record RunbookError(SourceLocation location, String key, String message) {
  public RunbookError {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

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
