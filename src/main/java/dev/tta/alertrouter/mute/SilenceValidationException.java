package dev.tta.alertrouter.mute;

import java.util.List;

/** A posted silence (or an expiry) was refused; {@link #problems()} names each reason. */
public final class SilenceValidationException extends IllegalArgumentException {
  private final List<String> problems;

  public SilenceValidationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
  }

  public List<String> problems() {
    return problems;
  }
}
