package dev.tta.alertrouter.http;

import dev.tta.alertrouter.metrics.RouterMetrics;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs every reload, whoever asks for it: wrap the reload action once and give the same
 * wrapper to the HTTP API and to the SIGHUP handler. An action that throws counts as a failure and
 * the old configuration stays.
 */
public final class MeteredReloadAction implements ReloadAction {
  private static final Logger LOG = LoggerFactory.getLogger(MeteredReloadAction.class);

  private final ReloadAction delegate;
  private final RouterMetrics metrics;
  private final Clock clock;

  public MeteredReloadAction(ReloadAction delegate, RouterMetrics metrics, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // synchronized: two reloads at once (SIGHUP during POST /-/reload) would race on the config.
  @Override
  public synchronized ReloadOutcome reload() {
    ReloadOutcome outcome;
    try {
      outcome = Objects.requireNonNull(delegate.reload(), "reload outcome");
    } catch (RuntimeException e) {
      LOG.error("configuration reload failed unexpectedly; keeping the old configuration", e);
      outcome = ReloadOutcome.failure("reload failed unexpectedly: " + e.getClass().getSimpleName());
    }
    boolean success = outcome instanceof ReloadOutcome.Success;
    metrics.configReloaded(success, clock.instant());
    if (success) {
      LOG.info("configuration reloaded");
    } else {
      LOG.warn("configuration reload failed; keeping the old configuration: {}",
          ((ReloadOutcome.Failure) outcome).error());
    }
    return outcome;
  }
}
