package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.notify.DeliveryEvent.Result;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.webhook.WebhookNotifier;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery stage's retry policy, exercised with the real webhook notifier against a real HTTP
 * peer on loopback; time is a manual clock that the sleeper moves, so every wait is exact.
 */
class DeliveryStageTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  /** Ceilings 1s, 2s, 4s, ... 60s; the fixed jitter waits half of each. */
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);

  private final ManualClock clock = new ManualClock(T0);
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final List<Alert> alerts =
      List.of(new Alert(Labels.of("alertname", "TTAServiceDown", "priority", "P0"), Map.of(), T0, null, "", T0));
  private HttpPeer peer;

  @AfterEach
  void stopPeer() {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void aDeliveredNotificationIsCountedAsSent() throws IOException {
    peer = HttpPeer.ok(clock);

    assertEquals(alerts, stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(5)), alerts));

    assertEquals(1, peer.requests().size());
    assertEquals(List.of(Result.SENT), listener.results());
    DeliveryEvent sent = listener.events().get(0);
    assertEquals(new DeliveryEvent("critical-alerts", "webhook", 0, context(Duration.ofMinutes(5)).groupKey(),
        Result.SENT, 1, Duration.ZERO, ""), sent);
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoff() throws IOException {
    peer = HttpPeer.ok(clock).then(Answer.of(503), Answer.of(500), Answer.of(502));

    stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(5)), alerts);

    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits());
    assertEquals(
        List.of(T0, T0.plusMillis(500), T0.plusMillis(1500), T0.plusMillis(3500)),
        peer.requests().stream().map(HttpPeer.Request::at).toList());
    assertEquals(List.of(Result.RETRIED, Result.RETRIED, Result.RETRIED, Result.SENT), listener.results());
    assertEquals("webhook answered 503", listener.events().get(0).reason());
  }

  @Test
  void aRateLimitedAnswerWaitsAtLeastItsRetryAfter() throws IOException {
    peer = HttpPeer.ok(clock).then(Answer.of(429).withHeader("Retry-After", "7"), Answer.of(429));

    stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(5)), alerts);

    // 7s asked for beats the 0.5s backoff; without Retry-After the backoff (1s) applies.
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(1)), sleeper.waits());
    assertEquals(List.of(Result.RETRIED, Result.RETRIED, Result.SENT), listener.results());
  }

  @Test
  void retriesStopWhenTheNextWouldPassTheDeadline() throws IOException {
    peer = new HttpPeer(clock, request -> Answer.of(500));

    StageFailedException failure =
        assertThrows(StageFailedException.class, () -> stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(1)), alerts));

    // Waits 0.5+1+2+4+8+16 = 31.5s; the next (30s) would end after the 60s group_interval.
    assertEquals(
        List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16)),
        sleeper.waits());
    assertEquals(7, peer.requests().size());
    assertEquals(T0.plusMillis(31_500), clock.instant());
    assertEquals(Result.FAILED, listener.results().get(6));
    assertEquals(List.of(Result.RETRIED), listener.results().subList(0, 6).stream().distinct().toList());
    assertTrue(failure.getMessage().startsWith("delivery to receiver critical-alerts via webhook[0] failed: webhook answered 500"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("gave up after 7 attempt(s)"), failure.getMessage());
  }

  @Test
  void theDeadlineIsAtLeastTenSecondsWhateverTheGroupInterval() throws IOException {
    peer = new HttpPeer(clock, request -> Answer.of(500));

    assertThrows(StageFailedException.class, () -> stage(DeliveryOptions.defaults()).apply(context(Duration.ofSeconds(1)), alerts));

    // 0.5+1+2+4 = 7.5s; the next wait (8s) would pass T0+10s.
    assertEquals(5, peer.requests().size());
  }

  @Test
  void aConfiguredDeadlineReplacesTheGroupInterval() throws IOException {
    peer = new HttpPeer(clock, request -> Answer.of(500));

    assertThrows(StageFailedException.class,
        () -> stage(DeliveryOptions.defaults().withDeadline(Duration.ofMinutes(10))).apply(context(Duration.ofMinutes(1)), alerts));

    // 0.5+1+2+4+8+16+30+30+... up to 10 minutes: 31.5s, then ceil 60s (wait 30s) each.
    assertEquals(T0.plusMillis(31_500 + 30_000 * 18), clock.instant());
  }

  @Test
  void aPermanentAnswerIsNotRetried() throws IOException {
    peer = HttpPeer.ok(clock).then(Answer.of(404));

    StageFailedException failure =
        assertThrows(StageFailedException.class, () -> stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(5)), alerts));

    assertEquals(1, peer.requests().size());
    assertEquals(List.of(), sleeper.waits());
    assertEquals(List.of(Result.FAILED), listener.results());
    assertEquals("delivery to receiver critical-alerts via webhook[0] failed: webhook answered 404", failure.getMessage());
  }

  @Test
  void anUnreachablePeerIsRetriedAndNamedWithoutItsUrl() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook/token-s3cr3t");
    }
    DeliveryStage stage = new DeliveryStage(webhook(closed), 0, runtime(ConcurrencyLimits.defaults(), false), DeliveryOptions.defaults());

    StageFailedException failure = assertThrows(StageFailedException.class, () -> stage.apply(context(Duration.ofSeconds(10)), alerts));

    assertTrue(failure.getMessage().contains("could not reach the webhook: ConnectException"), failure.getMessage());
    assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
    assertEquals(Result.RETRIED, listener.results().get(0));
  }

  @Test
  void dryRunRendersAndReportsButSendsNothing() throws IOException {
    peer = HttpPeer.ok(clock);

    List<Alert> passed = stage(DeliveryOptions.defaults().withDryRun(true)).apply(context(Duration.ofMinutes(5)), alerts);

    assertEquals(alerts, passed);
    assertEquals(List.of(), peer.requests());
    assertEquals(List.of(Result.DRY_RUN), listener.results());
    assertEquals("credential unset", listener.events().get(0).reason());
  }

  @Test
  void theGlobalDryRunSwitchSendsNothingEither() throws IOException {
    peer = HttpPeer.ok(clock);
    DeliveryStage stage = new DeliveryStage(webhook(peer.uri("/hook")), 0, runtime(ConcurrencyLimits.defaults(), true),
        DeliveryOptions.defaults());

    stage.apply(context(Duration.ofMinutes(5)), alerts);

    assertEquals(List.of(), peer.requests());
    assertEquals("--dry-run", listener.events().get(0).reason());
  }

  @Test
  void theRateLimitSpacesMessagesWithTheSameKey() throws IOException {
    peer = HttpPeer.ok(clock);
    RateLimiter oneASecond = new RateLimiter(clock, Duration.ofSeconds(1), 1);
    DeliveryStage general = stage(DeliveryOptions.defaults().withRateLimit(oneASecond, "#tta-alerts"));
    DeliveryStage cost = stage(DeliveryOptions.defaults().withRateLimit(oneASecond, "#tta-cost-optimization"));

    general.apply(context(Duration.ofMinutes(5)), alerts);
    general.apply(context(Duration.ofMinutes(5)), alerts);
    cost.apply(context(Duration.ofMinutes(5)), alerts);
    general.apply(context(Duration.ofMinutes(5)), alerts);

    // The second message to #tta-alerts waits a second; #tta-cost-optimization has its own bucket.
    assertEquals(List.of(T0, T0.plusSeconds(1), T0.plusSeconds(1), T0.plusSeconds(2)),
        peer.requests().stream().map(HttpPeer.Request::at).toList());
  }

  @Test
  void aRateLimitSlotBeyondTheDeadlineDropsTheNotification() throws IOException {
    peer = HttpPeer.ok(clock);
    RateLimiter slow = new RateLimiter(clock, Duration.ofSeconds(30), 1);
    DeliveryStage stage = stage(DeliveryOptions.defaults().withRateLimit(slow, "#tta-alerts"));
    stage.apply(context(Duration.ofSeconds(10)), alerts);

    StageFailedException failure = assertThrows(StageFailedException.class, () -> stage.apply(context(Duration.ofSeconds(10)), alerts));

    assertEquals(1, peer.requests().size());
    assertEquals(List.of(Result.SENT, Result.DROPPED), listener.results());
    assertTrue(failure.getMessage().contains("rate limit for #tta-alerts leaves no slot"), failure.getMessage());
  }

  @Test
  void latencyIsMeasuredOnTheInjectedClock() throws IOException {
    peer = HttpPeer.ok(clock);
    peer.onArrival(request -> clock.advance(Duration.ofMillis(250)));

    stage(DeliveryOptions.defaults()).apply(context(Duration.ofMinutes(5)), alerts);

    assertEquals(Duration.ofMillis(250), listener.events().get(0).latency());
  }

  @Test
  void aShutdownDuringABackoffDropsTheNotificationAndKeepsTheInterrupt() throws IOException {
    peer = HttpPeer.ok(clock).then(Answer.of(503));
    Sleeper interrupted = duration -> {
      throw new InterruptedException("shutting down");
    };
    DeliveryStage stage = new DeliveryStage(webhook(peer.uri("/hook")), 0,
        new DeliveryRuntime(clock, interrupted, new FixedJitter(0.5), BACKOFF, ConcurrencyLimits.defaults(), listener, false),
        DeliveryOptions.defaults());

    try {
      StageFailedException failure =
          assertThrows(StageFailedException.class, () -> stage.apply(context(Duration.ofMinutes(5)), alerts));

      assertTrue(Thread.currentThread().isInterrupted());
      assertEquals(List.of(Result.RETRIED, Result.DROPPED), listener.results());
      assertTrue(failure.getMessage().endsWith("interrupted while shutting down"), failure.getMessage());
    } finally {
      Thread.interrupted();
    }
  }

  private DeliveryStage stage(DeliveryOptions options) {
    return new DeliveryStage(webhook(peer.uri("/hook")), 0, runtime(ConcurrencyLimits.defaults(), false), options);
  }

  private DeliveryRuntime runtime(ConcurrencyLimits limits, boolean dryRun) {
    return new DeliveryRuntime(clock, sleeper, new FixedJitter(0.5), BACKOFF, limits, listener, dryRun);
  }

  private WebhookNotifier webhook(URI url) {
    WebhookConfig config = new WebhookConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(url.toString())), 0,
        SourceLocation.unknown());
    return new WebhookNotifier(config, URI.create("http://alert-router.example:8080"),
        new HttpPoster(HttpClientConfig.defaults()), clock);
  }

  private FlushContext context(Duration groupInterval) {
    return new FlushContext("{}:{alertname=\"TTAServiceDown\"}", Labels.of("alertname", "TTAServiceDown"),
        "critical-alerts", "{}", Duration.ofHours(1), groupInterval, List.of(), List.of(), clock.instant());
  }
}
