package dev.tta.alertrouter.startup;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made at its first use, once, instead of while the server starts: a restart answers intake
 * sooner when what intake does not need (HTTP clients and their trust store, Pebble engines, Jackson
 * mappers, seeded random generators) waits for the first request that does (bench/README.md, "Memory
 * and restart"). Every later use, from any thread, gets the same value.
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<? extends T> make;
  private T value;

  private Lazy(Supplier<? extends T> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  /** {@code make} runs at the first {@link #get()}; if it throws, the next get tries again. */
  public static <T> Lazy<T> of(Supplier<? extends T> make) {
    return new Lazy<>(make);
  }

  @Override
  public synchronized T get() {
    if (make != null) {
      value = Objects.requireNonNull(make.get(), "made nothing");
      make = null; // what made it (a builder, its settings) can go
    }
    return value;
  }
}
