package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.dispatch.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Duration PLENTY = Duration.ofHours(1);
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));

  @Test
  void oneMessageASecondPerKey() {
    RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(1), 1);

    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("#tta-alerts", PLENTY));
    assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.reserve("#tta-alerts", PLENTY));
    assertEquals(Optional.of(Duration.ofSeconds(2)), limiter.reserve("#tta-alerts", PLENTY));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("#tta-critical", PLENTY));
  }

  @Test
  void tellsHowLongTheNextMessageForAKeyWouldWait() {
    RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(1), 1);
    assertEquals(Duration.ZERO, limiter.waitFor("#tta-alerts"));
    limiter.reserve("#tta-alerts", PLENTY);
    limiter.reserve("#tta-alerts", PLENTY);
    assertEquals(Duration.ofSeconds(2), limiter.waitFor("#tta-alerts"));
    clock.advance(Duration.ofMillis(1500));
    assertEquals(Duration.ofMillis(500), limiter.waitFor("#tta-alerts"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Duration.ZERO, limiter.waitFor("#tta-alerts"));
  }

  @Test
  void aBurstGoesAtOnceAfterAQuietSpellThenTheRateApplies() {
    RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(1), 3);

    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.reserve("k", PLENTY));

    clock.advance(Duration.ofSeconds(10));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ZERO), limiter.reserve("k", PLENTY));
    assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.reserve("k", PLENTY));
  }

  @Test
  void aSlotTooFarAwayIsRefusedAndNotReserved() {
    RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(5), 1);
    limiter.reserve("k", PLENTY);

    assertEquals(Optional.empty(), limiter.reserve("k", Duration.ofSeconds(4)));
    // The refused request took nothing: the next one still gets the slot 5s out.
    assertEquals(Optional.of(Duration.ofSeconds(5)), limiter.reserve("k", Duration.ofSeconds(5)));
  }

  @Test
  void timePassingFreesTheBucket() {
    RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(1), 1);
    limiter.reserve("k", PLENTY);
    clock.advance(Duration.ofMillis(400));

    assertEquals(Optional.of(Duration.ofMillis(600)), limiter.reserve("k", PLENTY));
  }

  @Test
  void badLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(clock, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(clock, Duration.ofSeconds(1), 0));
  }
}
