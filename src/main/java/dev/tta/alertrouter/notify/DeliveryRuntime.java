package dev.tta.alertrouter.notify;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
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
 * @param tracer starts a span per delivery attempt (a no-op tracer while tracing is off)
 */
public record DeliveryRuntime(
    Clock clock,
    Sleeper sleeper,
    RandomGenerator random,
    Backoff backoff,
    ConcurrencyLimits concurrency,
    DeliveryListener listener,
    boolean dryRun,
    Tracer tracer) {

  public DeliveryRuntime {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(concurrency, "concurrency");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(tracer, "tracer");
  }

  /** Without traces. */
  public DeliveryRuntime(Clock clock, Sleeper sleeper, RandomGenerator random, Backoff backoff,
      ConcurrencyLimits concurrency, DeliveryListener listener, boolean dryRun) {
    this(clock, sleeper, random, backoff, concurrency, listener, dryRun, TracerProvider.noop().get("alert-router"));
  }

  /** This runtime, its attempts traced by {@code tracer}. */
  public DeliveryRuntime withTracer(Tracer tracer) {
    return new DeliveryRuntime(clock, sleeper, random, backoff, concurrency, listener, dryRun, tracer);
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
