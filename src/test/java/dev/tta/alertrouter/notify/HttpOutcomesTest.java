package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpOutcomesTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @ParameterizedTest
  @CsvSource({"200,Delivered", "202,Delivered", "204,Delivered", "429,Retryable", "500,Retryable", "503,Retryable",
      "400,Permanent", "401,Permanent", "404,Permanent", "413,Permanent", "302,Permanent"})
  void statusesAreClassified(int status, String outcome) {
    DeliveryOutcome result = HttpOutcomes.of(new HttpPoster.Response(status, Optional.empty(), ""), NOW, "why");
    assertEquals(outcome, result.getClass().getSimpleName());
  }

  @Test
  void extraRetryableStatusesCanBeNamed() {
    DeliveryOutcome result = HttpOutcomes.of(new HttpPoster.Response(403, Optional.empty(), ""), NOW, "why", 403);
    assertEquals(new DeliveryOutcome.Retryable(Optional.empty(), "why"), result);
  }

  @Test
  void retryAfterInSecondsOrAsADateIsKept() {
    assertEquals(new DeliveryOutcome.Retryable(Optional.of(Duration.ofSeconds(30)), "why"),
        HttpOutcomes.of(new HttpPoster.Response(429, Optional.of("30"), ""), NOW, "why"));
    assertEquals(Optional.of(Duration.ofSeconds(90)),
        HttpOutcomes.retryAfter("Wed, 25 Nov 2026 10:01:30 GMT", NOW));
    assertEquals(Optional.of(Duration.ZERO), HttpOutcomes.retryAfter("Wed, 25 Nov 2026 09:00:00 GMT", NOW));
    assertEquals(Optional.empty(), HttpOutcomes.retryAfter("soon", NOW));
    assertEquals(Optional.empty(), HttpOutcomes.retryAfter("-5", NOW));
  }

  @Test
  void anUnreachablePeerIsRetryableAndASecretUrlIsMasked() {
    IOException e = new ConnectException("cannot open https://hooks.example/T0/secret-token");
    assertEquals(
        new DeliveryOutcome.Retryable(Optional.empty(), "could not reach the webhook: ConnectException: cannot open <secret url>"),
        HttpOutcomes.unreachable("the webhook", e, Optional.of("https://hooks.example/T0/secret-token")));
  }

  @Test
  void snippetsAreOneShortLine() {
    assertEquals("a b c", HttpOutcomes.snippet("  a\n b\t\tc \n"));
    assertEquals("x".repeat(200) + "…", HttpOutcomes.snippet("x".repeat(500)));
  }
}
