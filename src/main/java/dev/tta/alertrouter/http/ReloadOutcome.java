package dev.tta.alertrouter.http;

import java.util.Objects;

/** What a reload did: the new configuration is in force, or the old one still is and why. */
public sealed interface ReloadOutcome {
  record Success() implements ReloadOutcome {}

  /** @param error the configuration errors (file, line, key), never a secret's value */
  record Failure(String error) implements ReloadOutcome {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }

  static ReloadOutcome success() {
    return new Success();
  }

  static ReloadOutcome failure(String error) {
    return new Failure(error);
  }
}
