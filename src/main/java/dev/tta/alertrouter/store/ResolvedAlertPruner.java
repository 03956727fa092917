package dev.tta.alertrouter.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops alerts resolved longer ago than the retention ({@code server.resolved_retention}), which
 * keeps them listable and explainable for a while after they end, as Alertmanager keeps them until
 * its next garbage collection.
 */
public final class ResolvedAlertPruner {
  private static final Logger LOG = LoggerFactory.getLogger(ResolvedAlertPruner.class);

  private final AlertStore store;
  private final Clock clock;
  private final Supplier<Duration> retention;

  /** {@code retention} is read at each run, so a reload can change it. */
  public ResolvedAlertPruner(AlertStore store, Clock clock, Supplier<Duration> retention) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  /** Drops what is due now; returns how many alerts were dropped. */
  public int prune() {
    int dropped = store.pruneResolvedBefore(clock.instant().minus(retention.get()));
    if (dropped > 0) {
      LOG.debug("dropped {} alerts resolved more than {} ago", dropped, retention.get());
    }
    return dropped;
  }

  /** Runs {@link #prune()} every {@code period} on {@code scheduler}; cancel the result to stop. */
  public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration period) {
    long millis = period.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return scheduler.scheduleAtFixedRate(this::pruneLoggingFailure, millis, millis, TimeUnit.MILLISECONDS);
  }

  // A scheduled task that throws is never run again; one bad run must not stop pruning.
  private void pruneLoggingFailure() {
    try {
      prune();
    } catch (RuntimeException e) {
      LOG.warn("pruning resolved alerts failed", e);
    }
  }
}
