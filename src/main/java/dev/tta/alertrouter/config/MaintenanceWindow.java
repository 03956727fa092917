package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code maintenance:}: a silence kept in git. It mutes the alerts its matchers match
 * until {@code until}, and only inside {@code timeIntervals} when any are named (a recurring window).
 *
 * @param timeIntervals names of {@code time_intervals}; an inline {@code interval:} is defined as
 *     the interval {@code maintenance/<name>} and named here; empty for a one-off window
 * @param owner the receiver told about the window, if any
 * @param until when the window stops muting for good
 */
public record MaintenanceWindow(
    String name,
    List<Matcher> matchers,
    List<String> timeIntervals,
    Optional<String> owner,
    Instant until,
    SourceLocation location) {

  /** The prefix of the interval an inline {@code interval:} defines. */
  public static final String INLINE_INTERVAL_PREFIX = "maintenance/";

  public MaintenanceWindow {
    Objects.requireNonNull(name, "name");
    matchers = List.copyOf(matchers);
    timeIntervals = List.copyOf(timeIntervals);
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(location, "location");
  }

  public boolean recurring() {
    return !timeIntervals.isEmpty();
  }
}
