package dev.tta.alertrouter.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckListener;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.HttpOutcomes;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.startup.Lazy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ack, everywhere: an acknowledgement given in alert-router (any way but PagerDuty's own
 * webhook) sends an Events API v2 {@code acknowledge} for the group's dedup key through each
 * PagerDuty integration of the group's receiver, so the incident stops paging there too. Sent off
 * the acting thread, retried like a notification (the runtime's backoff; 429 and 5xx retried, other
 * 4xx given up with PagerDuty's message) until {@link #DEADLINE}. Events v2 has no "unacknowledge",
 * so ending an acknowledgement sends nothing; a legacy {@code service_key} integration is skipped.
 */
public final class AckForwarder implements AckListener {
  /** How long an acknowledgement keeps being retried: after that the incident has moved on anyway. */
  static final Duration DEADLINE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(AckForwarder.class);

  private final Function<String, List<PagerDutyConfig>> integrations;
  private final Function<PagerDutyConfig, HttpPoster> posters;
  private final DeliveryRuntime runtime;
  private final Executor executor;
  /** Made at the first forwarded acknowledgement, not while a restart waits. */
  private final Lazy<ObjectMapper> json = Lazy.of(ObjectMapper::new);

  /**
   * @param integrations the {@code pagerduty_configs} of a receiver, by name, in the configuration in force
   * @param posters the HTTP client for an integration (its {@code http_config})
   * @param runtime clock, sleeper, backoff and jitter of deliveries; with {@code dryRun} nothing is sent
   * @param executor where the events are sent and retried
   */
  public AckForwarder(Function<String, List<PagerDutyConfig>> integrations, Function<PagerDutyConfig, HttpPoster> posters,
      DeliveryRuntime runtime, Executor executor) {
    this.integrations = Objects.requireNonNull(integrations, "integrations");
    this.posters = Objects.requireNonNull(posters, "posters");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public void acked(Ack ack, AckedGroup group) {
    if (ack.via().equals(Ack.VIA_PAGERDUTY)) {
      return; // PagerDuty told us; telling it back would only echo
    }
    List<PagerDutyConfig> configs = integrations.apply(group.receiver());
    for (int i = 0; i < configs.size(); i++) {
      PagerDutyConfig config = configs.get(i);
      String name = group.receiver() + "/pagerduty[" + i + "]";
      if (config.routingKey().isEmpty() || runtime.dryRun()) {
        LOG.info("{}: not sending acknowledge for group {} ({})", name, group.groupKey(),
            runtime.dryRun() ? "dry-run" : "no routing_key: Events API v1 or unset");
        continue;
      }
      try {
        executor.execute(() -> forward(name, config, group.groupKey()));
      } catch (RejectedExecutionException e) {
        LOG.warn("{}: acknowledge for group {} not sent: shutting down", name, group.groupKey());
      }
    }
  }

  @Override
  public void ended(Ack ack, AckedGroup group, String why, Instant at) {}

  private void forward(String name, PagerDutyConfig config, String groupKey) {
    String routingKey = config.routingKey().orElseThrow().reveal();
    byte[] event = event(routingKey, PagerDutyEvents.dedupKey(groupKey));
    URI url = URI.create(config.url());
    Instant deadline = runtime.clock().instant().plus(DEADLINE);
    HttpPoster poster;
    try {
      poster = posters.apply(config);
    } catch (RuntimeException e) {
      LOG.warn("{}: acknowledge for group {} not sent: {}", name, groupKey, e.getMessage());
      return;
    }
    for (int retry = 0; ; retry++) {
      DeliveryOutcome outcome = attempt(poster, url, event, routingKey);
      if (outcome instanceof DeliveryOutcome.Delivered) {
        LOG.info("{}: sent acknowledge for group {} to PagerDuty", name, groupKey);
        return;
      }
      if (outcome instanceof DeliveryOutcome.Permanent p) {
        LOG.warn("{}: PagerDuty refused the acknowledge for group {}: {}", name, groupKey, p.reason());
        return;
      }
      DeliveryOutcome.Retryable r = (DeliveryOutcome.Retryable) outcome;
      Duration wait = runtime.backoff().delay(retry, runtime.random());
      if (r.retryAfter().isPresent() && r.retryAfter().get().compareTo(wait) > 0) {
        wait = r.retryAfter().get();
      }
      if (runtime.clock().instant().plus(wait).isAfter(deadline)) {
        LOG.warn("{}: gave up sending acknowledge for group {} after {} attempts: {}", name, groupKey, retry + 1,
            r.reason());
        return;
      }
      try {
        runtime.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("{}: acknowledge for group {} not sent: interrupted", name, groupKey);
        return;
      }
    }
  }

  private DeliveryOutcome attempt(HttpPoster poster, URI url, byte[] event, String routingKey) {
    try {
      HttpPoster.Response response = poster.postJson(url, event);
      String reason = ("PagerDuty answered " + response.status() + ": " + HttpOutcomes.snippet(response.body()))
          .replace(routingKey, "<secret>");
      return HttpOutcomes.of(response, runtime.clock().instant(), reason);
    } catch (IOException e) {
      return HttpOutcomes.unreachable("PagerDuty at " + url.getHost(), e, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Permanent("interrupted while posting to PagerDuty");
    }
  }

  private byte[] event(String routingKey, String dedupKey) {
    ObjectNode event = json.get().createObjectNode();
    event.put("routing_key", routingKey);
    event.put("dedup_key", dedupKey);
    event.put("event_action", "acknowledge");
    try {
      return json.get().writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
