package dev.tta.alertrouter.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, as the writer last found it. An outage is logged once when it
 * starts and once when it ends (with its length), and counted: while it lasts every write fails
 * the same way, and a line per refused request or failed flush would bury the one that matters.
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

  private final String store;
  private final Clock clock;
  private final AtomicLong outages = new AtomicLong();
  private final Object lock = new Object();
  private volatile boolean reachable = true;
  private Instant outageStart;

  StoreHealth(String store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A transaction reached the database (committed or rolled back as planned). */
  void reached() {
    if (reachable) {
      return;
    }
    synchronized (lock) {
      if (reachable) {
        return;
      }
      reachable = true;
      Duration length = Duration.between(outageStart, clock.instant());
      LOG.warn("the store {} is reachable again after {}; writes and flushes resume", store, length);
    }
  }

  /** The connection to the database is gone and could not be opened again. */
  void unreachable(Exception cause) {
    if (!reachable) {
      return;
    }
    synchronized (lock) {
      if (!reachable) {
        return;
      }
      reachable = false;
      outageStart = clock.instant();
      outages.incrementAndGet();
      LOG.error("the store {} is unreachable: {}; intake answers 503 and no group is flushed until it is back",
          store, cause.toString());
    }
  }

  boolean reachable() {
    return reachable;
  }

  /** How many outages began since start. */
  long outages() {
    return outages.get();
  }
}
