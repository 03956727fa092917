package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.notify.DeliveryEvent.Result;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.webhook.WebhookNotifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver in trouble must not hold anyone else up: retries wait without a lock or a permit, and
 * the concurrency bound limits requests in flight, not waits. Orderings are asserted on the manual
 * clock; the bounded waits on latches only keep a regression from hanging the build.
 */
class DeliveryIsolationTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);
  private static final long GUARD_SECONDS = 10;

  private final ManualClock clock = new ManualClock(T0);
  private final RecordingListener listener = new RecordingListener();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Alert> alerts =
      List.of(new Alert(Labels.of("alertname", "TTAServiceDown"), Map.of(), T0, null, "", T0));
  private final HttpPeer failing;
  private final HttpPeer healthy;

  DeliveryIsolationTest() throws IOException {
    failing = new HttpPeer(clock, request -> Answer.of(500));
    healthy = HttpPeer.ok(clock);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    failing.close();
    healthy.close();
  }

  @Test
  void aFailingIntegrationDoesNotDelayItsSibling() {
    CountDownLatch healthyNotified = new CountDownLatch(1);
    healthy.onArrival(request -> healthyNotified.countDown());
    AtomicBoolean retryWaitedForSibling = new AtomicBoolean(true);
    AtomicBoolean firstWait = new AtomicBoolean(true);
    // The failing integration's first wait only ends once its sibling has been notified: were the
    // integrations run one after another, or the wait to hold a shared lock, that would never be.
    Sleeper sleeper =
        duration -> {
          if (firstWait.getAndSet(false) && !healthyNotified.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
            retryWaitedForSibling.set(false);
          }
          clock.advance(duration);
        };
    DeliveryRuntime runtime = runtime(sleeper, ConcurrencyLimits.defaults());
    InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofDays(1));
    Stage pipeline =
        new PipelineBuilder(log, pool)
            .receiver(
                "critical-alerts",
                List.of(
                    new DeliveryStage(webhook(failing), 0, runtime, DeliveryOptions.defaults()).integration(true),
                    new DeliveryStage(webhook(healthy), 1, runtime, DeliveryOptions.defaults()).integration(true)))
            .build();

    StageFailedException failure =
        assertThrows(StageFailedException.class, () -> pipeline.apply(context("critical-alerts"), alerts));

    assertTrue(retryWaitedForSibling.get(), "the healthy integration was reached only after the failing one's retries");
    assertEquals(List.of(T0), healthy.requests().stream().map(HttpPeer.Request::at).toList());
    assertEquals(T0, failing.requests().get(0).at());
    assertTrue(failing.requests().size() > 1);
    assertTrue(failure.getMessage().contains("webhook[0]: delivery to receiver critical-alerts via webhook[0] failed"),
        failure.getMessage());
    assertTrue(log.last(new NotificationLog.Key(context("x").groupKey(), "critical-alerts", "webhook", 1)).isPresent());
    assertTrue(log.last(new NotificationLog.Key(context("x").groupKey(), "critical-alerts", "webhook", 0)).isEmpty());
  }

  @Test
  void aReceiverWaitingToRetryHoldsNoPermit() throws Exception {
    CountDownLatch healthyNotified = new CountDownLatch(1);
    healthy.onArrival(request -> healthyNotified.countDown());
    AtomicBoolean waitedForOther = new AtomicBoolean(true);
    AtomicBoolean firstWait = new AtomicBoolean(true);
    Sleeper sleeper =
        duration -> {
          if (firstWait.getAndSet(false) && !healthyNotified.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
            waitedForOther.set(false);
          }
          clock.advance(duration);
        };
    // One webhook request in flight at a time, for all receivers together.
    DeliveryRuntime runtime = runtime(sleeper, new ConcurrencyLimits(8, Map.of("webhook", 1)));
    DeliveryStage platform = new DeliveryStage(webhook(failing), 0, runtime, DeliveryOptions.defaults());
    DeliveryStage cost = new DeliveryStage(webhook(healthy), 0, runtime, DeliveryOptions.defaults());
    CountDownLatch failingAnswered = new CountDownLatch(1);
    failing.onArrival(request -> failingAnswered.countDown());

    Future<?> platformFlush = pool.submit(() -> platform.apply(context("platform-team"), alerts));
    assertTrue(failingAnswered.await(GUARD_SECONDS, TimeUnit.SECONDS));
    cost.apply(context("cost-team"), alerts);

    assertTrue(waitedForOther.get(), "the cost team was notified only after the platform team's retries");
    assertEquals(List.of(T0), healthy.requests().stream().map(HttpPeer.Request::at).toList());
    Exception e = assertThrows(Exception.class, () -> platformFlush.get(GUARD_SECONDS, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof StageFailedException, e.toString());
  }

  @Test
  void theConcurrencyBoundLimitsRequestsInFlightPerType() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    healthy.onArrival(
        request -> {
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          release.await(GUARD_SECONDS, TimeUnit.SECONDS);
          inFlight.decrementAndGet();
        });
    ConcurrencyLimits limits = new ConcurrencyLimits(8, Map.of("webhook", 2));
    DeliveryRuntime runtime = runtime(new ManualSleeper(clock), limits);
    List<Future<List<Alert>>> flushes =
        List.of("default", "platform-team", "cost-team").stream()
            .map(receiver -> pool.submit(
                () -> new DeliveryStage(webhook(healthy), 0, runtime, DeliveryOptions.defaults()).apply(context(receiver), alerts)))
            .toList();

    // Two requests are held by the peer; the third flush queues for a permit instead of connecting.
    awaitCondition(() -> healthy.requests().size() == 2 && limits.permitsFor("webhook").getQueueLength() == 1);
    assertEquals(2, healthy.requests().size());
    release.countDown();
    for (Future<List<Alert>> flush : flushes) {
      assertEquals(alerts, flush.get(GUARD_SECONDS, TimeUnit.SECONDS));
    }

    assertEquals(3, healthy.requests().size());
    assertEquals(2, mostInFlight.get());
    assertEquals(List.of(Result.SENT, Result.SENT, Result.SENT), listener.results());
  }

  @Test
  void theConcurrencyBoundLimitsNotificationsInFlightPerReceiver() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    healthy.onArrival(request -> release.await(GUARD_SECONDS, TimeUnit.SECONDS));
    ConcurrencyLimits limits = new ConcurrencyLimits(8, Map.of(), 2);
    DeliveryRuntime runtime = runtime(new ManualSleeper(clock), limits);
    // Three flushes of one receiver (three groups) and one of another, all to webhooks.
    List<Future<List<Alert>>> flushes =
        List.of("platform-team", "platform-team", "platform-team", "cost-team").stream()
            .map(receiver -> pool.submit(
                () -> new DeliveryStage(webhook(healthy), 0, runtime, DeliveryOptions.defaults()).apply(context(receiver), alerts)))
            .toList();

    // Two of platform-team's are on the wire, its third waits; cost-team's is not held up by it.
    awaitCondition(() -> healthy.requests().size() == 3 && limits.permitsForReceiver("platform-team").getQueueLength() == 1);
    assertEquals(2, healthy.requests().stream().filter(r -> r.body().contains("platform-team")).count());
    assertEquals(1, healthy.requests().stream().filter(r -> r.body().contains("cost-team")).count());
    release.countDown();
    for (Future<List<Alert>> flush : flushes) {
      assertEquals(alerts, flush.get(GUARD_SECONDS, TimeUnit.SECONDS));
    }
    assertEquals(4, healthy.requests().size());
  }

  private DeliveryRuntime runtime(Sleeper sleeper, ConcurrencyLimits limits) {
    return new DeliveryRuntime(clock, sleeper, new FixedJitter(0.5), BACKOFF, limits, listener, false);
  }

  private WebhookNotifier webhook(HttpPeer peer) {
    WebhookConfig config = new WebhookConfig(true, HttpClientConfig.defaults(),
        Optional.of(new Secret(peer.uri("/hook").toString())), 0, SourceLocation.unknown());
    return new WebhookNotifier(config, URI.create("http://alert-router.example:8080"),
        new HttpPoster(HttpClientConfig.defaults()), clock);
  }

  private FlushContext context(String receiver) {
    return new FlushContext("{}:{alertname=\"TTAServiceDown\"}", Labels.of("alertname", "TTAServiceDown"), receiver,
        "{}", Duration.ofHours(1), Duration.ofMinutes(1), List.of(), List.of(), T0);
  }

  /** Waits for other threads to reach a state (not for time to pass); fails rather than hangs. */
  private static void awaitCondition(BooleanSupplier condition) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("the expected state was never reached");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
