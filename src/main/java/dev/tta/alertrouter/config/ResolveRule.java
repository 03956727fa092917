package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A route's {@code resolve:} block: what happens to the resolve of an alert whose firing
 * notification was muted or never sent. {@link #DEFAULT} is Alertmanager 0.25's behaviour.
 *
 * @param sendWhenMuted true: silences, inhibitions and time intervals mute only firing alerts, so a
 *     resolve goes through dedup as if nothing muted it; false (Alertmanager): a muted resolve is dropped
 * @param afterSilenceExpired what happens to the resolve of an alert the integration never heard
 *     firing (its firing was muted, and the mute has ended)
 * @param minFiringDuration an alert that resolved after firing less than this, and that the
 *     integration never heard firing, is not notified resolved either; zero turns this off
 */
public record ResolveRule(boolean sendWhenMuted, AfterSilenceExpired afterSilenceExpired, Duration minFiringDuration) {
  /** Alertmanager 0.25. */
  public static final ResolveRule DEFAULT = new ResolveRule(false, AfterSilenceExpired.NOTIFY, Duration.ZERO);

  /** The resolve of an alert whose firing the integration was never told. */
  public enum AfterSilenceExpired {
    /**
     * Alertmanager's dedup decides: it goes out with the group's notification when the receiver was
     * told something firing in the group (and send_resolved is on), else not.
     */
    NOTIFY,
    /** Never sent: the receiver did not hear it fire, so it does not hear it end. */
    DROP
  }

  public ResolveRule {
    Objects.requireNonNull(afterSilenceExpired, "afterSilenceExpired");
    Objects.requireNonNull(minFiringDuration, "minFiringDuration");
    if (minFiringDuration.isNegative()) {
      throw new IllegalArgumentException("min_firing_duration must not be negative");
    }
  }

  /** Whether this is Alertmanager's behaviour, so the pipeline can skip the rule's stage. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
