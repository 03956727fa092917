package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0);

  @Test
  void theCeilingDoublesUpToTheMaximum() {
    assertEquals(Duration.ofMillis(500), backoff.ceiling(0));
    assertEquals(Duration.ofSeconds(1), backoff.ceiling(1));
    assertEquals(Duration.ofSeconds(8), backoff.ceiling(4));
    assertEquals(Duration.ofSeconds(10), backoff.ceiling(5));
    assertEquals(Duration.ofSeconds(10), backoff.ceiling(10_000));
  }

  @Test
  void fullJitterWaitsBetweenZeroAndTheCeiling() {
    Random seeded = new Random(42);
    Set<Duration> seen = new HashSet<>();
    for (int retry = 0; retry < 8; retry++) {
      for (int i = 0; i < 200; i++) {
        Duration wait = backoff.delay(retry, seeded);
        assertTrue(!wait.isNegative() && wait.compareTo(backoff.ceiling(retry)) < 0, wait + " at retry " + retry);
        seen.add(wait);
      }
    }
    // Spread out, not one wait for everybody.
    assertTrue(seen.size() > 1500, "distinct waits: " + seen.size());
  }

  @Test
  void theWaitIsTheDrawnFractionOfTheCeiling() {
    assertEquals(Duration.ofMillis(750), backoff.delay(1, new FixedJitter(0.75)));
    assertEquals(Duration.ZERO, backoff.delay(3, new FixedJitter(0.0)));
  }

  @Test
  void nonsensicalPoliciesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN));
  }
}
