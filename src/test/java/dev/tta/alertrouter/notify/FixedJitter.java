package dev.tta.alertrouter.notify;

import java.util.random.RandomGenerator;

/** A jitter source that always picks the same fraction of the backoff ceiling. */
public final class FixedJitter implements RandomGenerator {
  private final double fraction;

  public FixedJitter(double fraction) {
    this.fraction = fraction;
  }

  @Override
  public double nextDouble() {
    return fraction;
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("only fractions are drawn");
  }
}
