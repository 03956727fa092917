package dev.tta.alertrouter.notify;

import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * What every delivery stage of the process shares: time, waiting, jitter, retry policy, the
 * concurrency bounds, the listener that counts outcomes, and the global {@code --dry-run} switch.
 *
 * @param random the jitter source; must be safe for use from several threads ({@link Random} is)
 * @param dryRun true under {@code serve --dry-run}: nothing is sent anywhere
 */
public record DeliveryRuntime(
    Clock clock,
    Sleeper sleeper,
    RandomGenerator random,
    Backoff backoff,
    ConcurrencyLimits concurrency,
    DeliveryListener listener,
    boolean dryRun) {

  public DeliveryRuntime {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(concurrency, "concurrency");
    Objects.requireNonNull(listener, "listener");
  }

  /** The production runtime: system clock, real sleeps, default backoff and concurrency bounds. */
  public static DeliveryRuntime system(DeliveryListener listener, boolean dryRun) {
    return system(listener, dryRun, ConcurrencyLimits.defaults());
  }

  /** {@link #system(DeliveryListener, boolean)} with other concurrency bounds. */
  public static DeliveryRuntime system(DeliveryListener listener, boolean dryRun, ConcurrencyLimits concurrency) {
    return new DeliveryRuntime(
        Clock.systemUTC(),
        Sleeper.system(),
        new Random(),
        Backoff.defaults(),
        concurrency,
        listener,
        dryRun);
  }
}
