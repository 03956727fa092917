package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A route's {@code flapping:} block: an alert that changed between firing and resolved more than
 * {@code maxChanges} times within {@code window} is flapping; its notifications are held until it
 * has not changed for {@code stableFor}.
 *
 * @param enabled false for {@link #OFF}, and for {@code enabled: false} (a child route turning off
 *     what it inherited)
 * @param maxChanges how many changes within the window are still not flapping
 * @param window how far back changes are counted
 * @param stableFor how long a flapping alert must keep one state before its notifications resume
 * @param holdP0 whether a P0 alert's notifications are held too (by default a P0 is marked, never held)
 */
public record FlappingRule(boolean enabled, int maxChanges, Duration window, Duration stableFor, boolean holdP0) {
  public static final int DEFAULT_MAX_CHANGES = 4;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  public static final Duration DEFAULT_STABLE_FOR = Duration.ofMinutes(30);

  /** Alertmanager's behaviour, the default: no flap detection. */
  public static final FlappingRule OFF =
      new FlappingRule(false, DEFAULT_MAX_CHANGES, DEFAULT_WINDOW, DEFAULT_STABLE_FOR, false);

  public FlappingRule {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(stableFor, "stableFor");
    if (maxChanges < 1 || window.isZero() || window.isNegative() || stableFor.isZero() || stableFor.isNegative()) {
      throw new IllegalArgumentException("max_changes, window and stable_for must be positive");
    }
  }
}
