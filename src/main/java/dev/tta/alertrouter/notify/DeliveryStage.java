package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.notify.DeliveryEvent.Result;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.digest.DigestNotifier;
import dev.tta.alertrouter.notify.digest.DigestSender;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one flush to one integration (Alertmanager's {@code RetryStage}): sends through its
 * {@link Notifier}, and while the outcome is {@link DeliveryOutcome.Retryable} waits (exponential
 * backoff with full jitter, at least what a 429 asked for) and tries again, until the deadline
 * passes. A {@link DeliveryOutcome.Permanent} outcome or the deadline fails the flush with a {@link
 * StageFailedException}, so the notification log stays as it was and the next flush tries again.
 *
 * <p>Waiting holds no lock and no permit: each integration runs on its own fanout branch, so one
 * receiver's outage never delays another's.
 */
public final class DeliveryStage implements Stage {
  /** Alertmanager's {@code notify.MinTimeout}: a flush is given at least this long to deliver. */
  public static final Duration MIN_DEADLINE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryStage.class);
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("alertrouter.attempt");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("alertrouter.outcome");

  private final Notifier notifier;
  private final int index;
  private final DeliveryRuntime runtime;
  private final DeliveryOptions options;
  private final Semaphore permits;

  /**
   * @param notifier makes each attempt
   * @param index the integration's position among the receiver's integrations of its type
   * @param runtime what all delivery stages share
   * @param options what is particular to this integration
   */
  public DeliveryStage(Notifier notifier, int index, DeliveryRuntime runtime, DeliveryOptions options) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    if (index < 0) {
      throw new IllegalArgumentException("integration index must not be negative: " + index);
    }
    this.index = index;
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.options = Objects.requireNonNull(options, "options");
    this.permits = runtime.concurrency().permitsFor(notifier.type());
  }

  /**
   * This stage as the pipeline builder takes it; with a digest sender when the notifier can send
   * digests.
   */
  public Integration integration(boolean sendResolved) {
    Optional<DigestSender> digests = notifier instanceof DigestNotifier d
        ? Optional.of(digest -> deliverDigest(d, digest))
        : Optional.empty();
    return new Integration(notifier.type(), index, sendResolved, this, digests);
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    Notification notification = new Notification(context, alerts);
    if (context.shadow() || options.shadow()) {
      recordShadow(notification, context.shadow() ? "shadow route" : "shadow receiver");
      return alerts;
    }
    if (runtime.dryRun() || options.dryRun()) {
      logDryRun(notification);
      return alerts;
    }
    Instant deadline = context.now().plus(options.deadline().orElse(defaultDeadline(context)));
    Attempts attempts = new Attempts(context.receiver(), context.groupKey());
    deliver(() -> notifier.send(notification), deadline, attempts);
    return alerts;
  }

  /**
   * Sends a digest as a notification is sent: shadow and dry-run render it, a live one is retried
   * and rate limited alike, within {@link #MIN_DEADLINE} (or the integration's own deadline).
   *
   * @return whether it was delivered (or only rendered, in shadow or dry-run)
   */
  private boolean deliverDigest(DigestNotifier digests, Digest digest) {
    if (options.shadow() || runtime.dryRun() || options.dryRun()) {
      Result result = options.shadow() ? Result.SHADOW : Result.DRY_RUN;
      LOG.info("{} digest: not sending to receiver={} integration={}[{}] digest={} payload={}", result.label(),
          digest.receiver(), notifier.type(), index, digest.id(), digests.renderDigest(digest));
      runtime.listener().onDelivery(new DeliveryEvent(digest.receiver(), notifier.type(), index, digest.id(), result,
          0, Duration.ZERO, "digest"));
      return true;
    }
    Instant deadline = runtime.clock().instant().plus(options.deadline().orElse(MIN_DEADLINE));
    try {
      deliver(() -> digests.sendDigest(digest), deadline, new Attempts(digest.receiver(), digest.id()));
      return true;
    } catch (StageFailedException e) {
      return false;
    }
  }

  /** Attempts {@code send} until it is delivered, fails for good, or the deadline leaves no retry. */
  private void deliver(Supplier<DeliveryOutcome> send, Instant deadline, Attempts attempts) {
    try {
      retry(send, deadline, attempts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempts.report(Result.DROPPED, Duration.ZERO, "interrupted while shutting down");
      throw attempts.failure("interrupted while shutting down");
    }
  }

  private void retry(Supplier<DeliveryOutcome> send, Instant deadline, Attempts attempts)
      throws InterruptedException {
    for (int retry = 0; ; retry++) {
      awaitRateLimit(deadline, attempts);
      attempts.next();
      Span span = runtime.tracer().spanBuilder("deliver " + notifier.type() + "[" + index + "]")
          .setSpanKind(SpanKind.CLIENT)
          .setAttribute(ATTEMPT, (long) attempts.count)
          .startSpan();
      Duration wait;
      // The span is current while the notifier sends, so its request carries this attempt's traceparent.
      try (Scope ignored = span.makeCurrent()) {
        wait = attemptOnce(send, deadline, attempts, retry, span);
      } finally {
        span.end();
      }
      if (wait == null) {
        return;
      }
      runtime.sleeper().sleep(wait);
    }
  }

  /**
   * One attempt and what follows from its outcome.
   *
   * @return null when delivered, else how long to wait before the next attempt
   * @throws StageFailedException when no further attempt is to be made
   */
  private Duration attemptOnce(Supplier<DeliveryOutcome> send, Instant deadline, Attempts attempts, int retry,
      Span span) throws InterruptedException {
    Attempted attempted = attempt(send, attempts);
    DeliveryOutcome outcome = attempted.outcome();
    if (outcome instanceof DeliveryOutcome.Delivered) {
      span.setAttribute(OUTCOME, Result.SENT.label());
      attempts.report(Result.SENT, attempted.latency(), "");
      return null;
    }
    if (outcome instanceof DeliveryOutcome.Permanent permanent) {
      span.setAttribute(OUTCOME, Result.FAILED.label()).setStatus(StatusCode.ERROR, permanent.reason());
      attempts.report(Result.FAILED, attempted.latency(), permanent.reason());
      LOG.warn("{}: not retried: {}", attempts.who(), permanent.reason());
      throw attempts.failure(permanent.reason());
    }
    DeliveryOutcome.Retryable retryable = (DeliveryOutcome.Retryable) outcome;
    Duration wait = runtime.backoff().delay(retry, runtime.random());
    Duration asked = retryable.retryAfter().orElse(Duration.ZERO);
    if (asked.compareTo(wait) > 0) {
      wait = asked;
    }
    if (runtime.clock().instant().plus(wait).isAfter(deadline)) {
      String reason = retryable.reason() + "; gave up after " + attempts.count + " attempt(s), the deadline "
          + deadline + " comes before the next";
      span.setAttribute(OUTCOME, Result.FAILED.label()).setStatus(StatusCode.ERROR, reason);
      attempts.report(Result.FAILED, attempted.latency(), reason);
      LOG.warn("{}: {}", attempts.who(), reason);
      throw attempts.failure(reason);
    }
    span.setAttribute(OUTCOME, Result.RETRIED.label()).setStatus(StatusCode.ERROR, retryable.reason());
    attempts.report(Result.RETRIED, attempted.latency(), retryable.reason());
    LOG.debug("{}: attempt {} failed, retrying in {}: {}", attempts.who(), attempts.count, wait, retryable.reason());
    return wait;
  }

  /** One attempt, holding a permit of the receiver's and of the type's concurrency bounds only while it lasts. */
  private Attempted attempt(Supplier<DeliveryOutcome> send, Attempts attempts) throws InterruptedException {
    // Always the receiver's first, then the type's: one order, so two stages never wait on each other.
    Semaphore receiverPermits = runtime.concurrency().permitsForReceiver(attempts.receiver);
    receiverPermits.acquire();
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      receiverPermits.release();
      throw e;
    }
    Instant start = runtime.clock().instant();
    try {
      DeliveryOutcome outcome = Objects.requireNonNull(send.get(), "the notifier returned no outcome");
      return new Attempted(outcome, Duration.between(start, runtime.clock().instant()));
    } catch (RuntimeException e) {
      // A bug, not an answer from the peer: counted, and left to the fanout to log.
      attempts.report(Result.FAILED, Duration.between(start, runtime.clock().instant()),
          "unexpected " + e.getClass().getSimpleName());
      throw e;
    } finally {
      permits.release();
      receiverPermits.release();
    }
  }

  /** What one attempt came to, and how long it took by the injected clock. */
  private record Attempted(DeliveryOutcome outcome, Duration latency) {}

  private void awaitRateLimit(Instant deadline, Attempts attempts) throws InterruptedException {
    Optional<DeliveryOptions.RateLimit> rateLimit = options.rateLimit();
    if (rateLimit.isEmpty()) {
      return;
    }
    Duration left = Duration.between(runtime.clock().instant(), deadline);
    Optional<Duration> wait = rateLimit.get().limiter().reserve(rateLimit.get().key(), left);
    if (wait.isEmpty()) {
      String reason = "rate limit for " + rateLimit.get().key() + " leaves no slot before the deadline " + deadline;
      attempts.report(Result.DROPPED, Duration.ZERO, reason);
      LOG.warn("{}: {}", attempts.who(), reason);
      throw attempts.failure(reason);
    }
    runtime.sleeper().sleep(wait.get());
  }

  private void logDryRun(Notification notification) {
    FlushContext context = notification.context();
    String why = runtime.dryRun() ? "--dry-run" : "credential unset";
    LOG.info(
        "dry-run ({}): not sending to receiver={} integration={}[{}] group_key={} status={} alerts={} payload={}",
        why,
        context.receiver(),
        notifier.type(),
        index,
        context.groupKey(),
        notification.status().wireName(),
        notification.alerts().size(),
        notifier.render(notification));
    runtime.listener().onDelivery(
        new DeliveryEvent(context.receiver(), notifier.type(), index, context.groupKey(), Result.DRY_RUN, 0,
            Duration.ZERO, why));
  }

  /**
   * A shadow notification: rendered (a template that fails shows here as it would live), logged,
   * reported (counted apart, explained), and treated as delivered so the notification log dedups
   * the next flushes exactly as it would if it had been sent.
   */
  private void recordShadow(Notification notification, String why) {
    FlushContext context = notification.context();
    LOG.info("shadow ({}): not sending to receiver={} integration={}[{}] group_key={} status={} alerts={} payload={}",
        why, context.receiver(), notifier.type(), index, context.groupKey(), notification.status().wireName(),
        notification.alerts().size(), notifier.render(notification));
    runtime.listener().onDelivery(
        new DeliveryEvent(context.receiver(), notifier.type(), index, context.groupKey(), Result.SHADOW, 0,
            Duration.ZERO, why));
  }

  /** Alertmanager gives a flush its route's group_interval, but never less than ten seconds. */
  private static Duration defaultDeadline(FlushContext context) {
    Duration interval = context.groupInterval();
    return interval.compareTo(MIN_DEADLINE) < 0 ? MIN_DEADLINE : interval;
  }

  /** The attempts of one flush (or digest), and how they are reported. */
  private final class Attempts {
    private final String receiver;
    private final String groupKey;
    private int count;

    /** @param groupKey the flushed group's key, or the digest's id */
    Attempts(String receiver, String groupKey) {
      this.receiver = receiver;
      this.groupKey = groupKey;
    }

    void next() {
      count++;
    }

    void report(Result result, Duration latency, String reason) {
      runtime.listener().onDelivery(
          new DeliveryEvent(receiver, notifier.type(), index, groupKey, result, count, latency, reason));
    }

    String who() {
      return "receiver " + receiver + ", " + notifier.type() + "[" + index + "], group " + groupKey;
    }

    StageFailedException failure(String reason) {
      return new StageFailedException(
          "delivery to receiver " + receiver + " via " + notifier.type() + "[" + index + "] failed: " + reason);
    }
  }
}
