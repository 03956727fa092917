package dev.tta.alertrouter.metrics;

import dev.tta.alertrouter.alert.Alert;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The metrics of intake, store, configuration and the HTTP surface, on a registry of this instance's
 * own (never the process-wide default, so tests can build many servers in one JVM). Other stages
 * register their metrics on {@link #registry()}. Label values come from closed sets chosen by the
 * callers (enums, route templates), never from client input.
 */
public final class RouterMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  /** The exposition formats, once the JVM's metrics are registered beside them. */
  private final CompletableFuture<ExpositionFormats> scrapeReady;
  private final AtomicBoolean storedAlertsTracked = new AtomicBoolean();

  private final Counter alertsReceived;
  private final Counter alertsInvalid;
  private final Counter alertsTruncated;
  private final Counter alertsStale;
  private final Histogram httpDuration;
  private final Counter configReloads;
  private final Counter authRefused;
  private final Counter captureDropped;
  private final Gauge configLastReloadSuccessful;
  private final Gauge configLastReloadSuccessTimestamp;
  private final Counter acks;
  private final Histogram timeToAck;
  private final Counter escalations;
  private final Counter testNotifications;

  private static final double[] TIME_TO_ACK_BUCKETS = {30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};

  /** {@code version} labels {@code alertrouter_build_info}. */
  public RouterMetrics(String version) {
    Objects.requireNonNull(version, "version");
    // The JVM's own metrics read JMX, whose first use took a tenth of a restart (bench/README.md,
    // "Memory and restart"), and the exposition formats' set-up a few hundredths more: both made
    // beside the start; every scrape waits for them.
    scrapeReady = CompletableFuture.supplyAsync(() -> {
      JvmMetrics.builder().register(registry);
      return ExpositionFormats.init();
    }, runnable -> {
      Thread thread = new Thread(runnable, "alert-router-jvm-metrics");
      thread.setDaemon(true);
      thread.start();
    });
    alertsReceived = Counter.builder()
        .name("alertrouter_alerts_received_total")
        .help("Valid alerts accepted, by source and by status on receipt.")
        .labelNames("source", "status")
        .register(registry);
    alertsInvalid = Counter.builder()
        .name("alertrouter_alerts_invalid_total")
        .help("Alerts or payloads refused, by the reason of their first problem.")
        .labelNames("reason")
        .register(registry);
    alertsTruncated = Counter.builder()
        .name("alertrouter_alerts_truncated_total")
        .help("Alerts Alertmanager left out of webhook payloads (max_alerts), so never seen.")
        .register(registry);
    alertsStale = Counter.builder()
        .name("alertrouter_alerts_stale_total")
        .help("Firing copies ignored because they started before the held alert resolved.")
        .register(registry);
    httpDuration = Histogram.builder()
        .name("alertrouter_http_request_duration_seconds")
        .help("HTTP request latency, by method, route template and status code.")
        .unit(Unit.SECONDS)
        .labelNames("method", "handler", "code")
        .classicOnly()
        .register(registry);
    configReloads = Counter.builder()
        .name("alertrouter_config_reloads_total")
        .help("Configuration reloads, by result.")
        .labelNames("result")
        .register(registry);
    authRefused = Counter.builder()
        .name("alertrouter_http_auth_refused_total")
        .help("Requests refused by access control (401 or 403), by reason.")
        .labelNames("reason")
        .register(registry);
    configLastReloadSuccessful = Gauge.builder()
        .name("alertrouter_config_last_reload_successful")
        .help("Whether the last configuration load or reload succeeded (1) or failed (0).")
        .register(registry);
    configLastReloadSuccessTimestamp = Gauge.builder()
        .name("alertrouter_config_last_reload_success_timestamp_seconds")
        .help("When the configuration was last loaded successfully, in Unix seconds.")
        .unit(Unit.SECONDS)
        .register(registry);
    captureDropped = Counter.builder()
        .name("alertrouter_capture_dropped_total")
        .help("Intake payloads not captured because the capture queue was full.")
        .register(registry);
    Info buildInfo = Info.builder()
        .name("alertrouter_build_info")
        .help("The running alert-router's version; always 1.")
        .labelNames("version")
        .register(registry);
    buildInfo.setLabelValues(version);
    acks = Counter.builder()
        .name("alertrouter_acks_total")
        .help("Groups acknowledged, by the group's most urgent firing priority, its team and how (api, ...).")
        .labelNames("priority", "team", "via")
        .register(registry);
    timeToAck = Histogram.builder()
        .name("alertrouter_time_to_ack_seconds")
        .help("From the start of a group's earliest firing alert to its acknowledgement, by priority and team.")
        .unit(Unit.SECONDS)
        .labelNames("priority", "team")
        .classicUpperBounds(TIME_TO_ACK_BUCKETS)
        .classicOnly()
        .register(registry);
    escalations = Counter.builder()
        .name("alertrouter_escalations_total")
        .help("Escalation steps sent (a group still firing and unacknowledged), by route key and step number.")
        .labelNames("route", "step")
        .register(registry);
    testNotifications = Counter.builder()
        .name("alertrouter_test_notifications_total")
        .help("Test notifications (POST /api/v1/receivers/{name}/test), by receiver, integration type and outcome; never in alertrouter_notifications_total.")
        .labelNames("receiver", "integration", "outcome")
        .register(registry);
    configReloads.labelValues("success");
    configReloads.labelValues("failure");
  }

  /** Where other stages register their own metrics. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Every metric registered, the JVM's included. */
  public MetricSnapshots scrape() {
    scrapeReady.join();
    return registry.scrape();
  }

  /** Counts {@code count} valid alerts; a count of 0 makes the series visible before the first one. */
  public void alertsReceived(String source, Alert.Status status, long count) {
    alertsReceived.labelValues(source, status.wireName()).inc(count);
  }

  public void alertsInvalid(String reason, long count) {
    alertsInvalid.labelValues(reason).inc(count);
  }

  public void alertsTruncated(long count) {
    alertsTruncated.inc(count);
  }

  public void alertStale() {
    alertsStale.inc();
  }

  /**
   * A group acknowledged. {@code team} comes from the configuration (or {@code none}/{@code
   * unknown}), {@code via} from a closed set; {@code secondsToAck} is negative when unknown (not observed).
   */
  public void acked(String priority, String team, String via, double secondsToAck) {
    acks.labelValues(priority, team, via).inc();
    if (secondsToAck >= 0) {
      timeToAck.labelValues(priority, team).observe(secondsToAck);
    }
  }

  /** An escalation step sent; {@code route} is a route key from the configuration, {@code step} its number. */
  public void escalated(String route, int step) {
    escalations.labelValues(route, Integer.toString(step)).inc();
  }

  /** A test notification through one integration: {@code outcome} is delivered, failed or dry_run. */
  public void testNotification(String receiver, String integration, String outcome) {
    testNotifications.labelValues(receiver, integration, outcome).inc();
  }

  /** An intake payload the capture had no room for (its queue was full). */
  public void captureDropped() {
    captureDropped.inc();
  }

  /** Publishes {@code alertrouter_capture_size_bytes}, asking {@code bytes} at each scrape. Called once. */
  public void trackCaptureSize(java.util.function.LongSupplier bytes) {
    GaugeWithCallback.builder()
        .name("alertrouter_capture_size_bytes")
        .help("Bytes held in the capture: the folder's segment files, or the NDJSON size of the PostgreSQL table as of this replica's last write.")
        .callback(cb -> cb.call(bytes.getAsLong()))
        .register(registry);
  }

  /**
   * The store's reachability ({@code alertrouter_store_up}: 1 or 0) and how many outages began
   * since start ({@code alertrouter_store_unavailable_total}).
   */
  public void trackStore(BooleanSupplier up, LongSupplier outages) {
    GaugeWithCallback.builder()
        .name("alertrouter_store_up")
        .help("1 while the store (SQLite or the shared PostgreSQL) answers, 0 during an outage.")
        .callback(cb -> cb.call(up.getAsBoolean() ? 1 : 0))
        .register(registry);
    CounterWithCallback.builder()
        .name("alertrouter_store_unavailable")
        .help("Store outages since start: each time the database became unreachable.")
        .callback(cb -> cb.call(outages.getAsLong()))
        .register(registry);
  }

  /** {@code handler} must be a route template (or a fixed word), never the raw request path. */
  public void httpRequest(String method, String handler, int code, double seconds) {
    httpDuration.labelValues(method, handler, Integer.toString(code)).observe(seconds);
  }

  /** Counts {@code count} refused requests; {@code reason} comes from a closed set; 0 makes the series visible. */
  public void authRefused(String reason, long count) {
    authRefused.labelValues(reason).inc(count);
  }

  /** The first load at startup: sets the gauges without counting a reload. */
  public void configLoaded(Instant at) {
    configLastReloadSuccessful.set(1);
    configLastReloadSuccessTimestamp.set(at.toEpochMilli() / 1000.0);
  }

  public void configReloaded(boolean success, Instant at) {
    configReloads.labelValues(success ? "success" : "failure").inc();
    if (success) {
      configLoaded(at);
    } else {
      configLastReloadSuccessful.set(0);
    }
  }

  /**
   * Publishes {@code alertrouter_alerts{state}}, asking {@code counts} at each scrape. Called once,
   * by whoever owns the store.
   */
  public void trackStoredAlerts(Supplier<Map<Alert.Status, Long>> counts) {
    Objects.requireNonNull(counts, "counts");
    if (!storedAlertsTracked.compareAndSet(false, true)) {
      throw new IllegalStateException("stored alerts are already tracked");
    }
    GaugeWithCallback.builder()
        .name("alertrouter_alerts")
        .help("Alerts held, by state.")
        .labelNames("state")
        .callback(cb -> {
          Map<Alert.Status, Long> now = counts.get();
          for (Alert.Status s : Alert.Status.values()) {
            cb.call(now.getOrDefault(s, 0L), s.wireName());
          }
        })
        .register(registry);
  }

  /** Scrapes the registry in the format {@code acceptHeader} asks for (Prometheus text by default). */
  public Exposition expose(String acceptHeader) {
    ExpositionFormats formats = scrapeReady.join();
    ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
    if (!writer.isAvailable()) {
      writer = formats.getPrometheusTextFormatWriter();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Exposition(writer.getContentType(), out.toByteArray());
  }
}
