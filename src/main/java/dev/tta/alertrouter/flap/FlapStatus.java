package dev.tta.alertrouter.flap;

import dev.tta.alertrouter.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an alert counts as flapping.
 *
 * @param since the flush that found it flapping
 * @param changes how many times it changed between firing and resolved within {@code window}, then
 * @param window the route's {@code flapping.window}
 */
public record FlapStatus(Instant since, int changes, Duration window) {
  public FlapStatus {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(window, "window");
  }

  /** As explain and the UI show it: {@code flapping since 2026-11-25T10:25:00Z, 5 changes in 1h}. */
  public String describe() {
    return "flapping since " + since + ", " + changes + " changes in " + Durations.format(window);
  }
}
