package dev.tta.alertrouter.metrics;

import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.mute.TimeMuteReason;
import dev.tta.alertrouter.notify.DeliveryEvent;
import dev.tta.alertrouter.runbook.RunbookChoice;
import dev.tta.alertrouter.severity.Classification;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The decision metrics: one counter per decision a stage takes, the notification outcomes and
 * timings, and the gauges of what is pending. Every label value comes from a closed set (enums) or
 * from the configuration (receiver, team and integration names, rule positions), never from an
 * alert's free text or fingerprint, so the number of series stays bounded.
 */
public final class DecisionMetrics {
  /** {@link #duplicateSuppressed} at intake: a copy that changed nothing. */
  public static final String DUPLICATE_AT_INTAKE = "intake";
  /** {@link #duplicateSuppressed} at notification: the notification log shows nothing new to tell. */
  public static final String DUPLICATE_NOTIFICATION = "notification_log";

  private static final double[] DELAY_BUCKETS = {0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600};

  private final PrometheusRegistry registry;
  private final RouterMetrics routerMetrics;
  private final Counter priorityAssigned;
  private final Counter teamRouted;
  private final Counter routeMatched;
  private final Counter inhibited;
  private final Counter silenced;
  private final Counter timeMuted;
  private final Counter notifications;
  private final Counter shadowNotifications;
  private final Counter foldedNotifications;
  private final Counter digestsSent;
  private final Histogram notificationLatency;
  private final Histogram notificationDelay;
  private final Counter runbookEnrichments;
  private final Counter duplicatesSuppressed;
  private final Counter templateFallbacks;
  // Series of the counters every alert of a storm moves, looked up once (see CounterPoints).
  private final CounterDataPoint[][] priorityAssignedPoints =
      new CounterDataPoint[Priority.values().length][Classification.Reason.values().length];
  private final CounterPoints teamRoutedPoints;
  private final CounterPoints routeMatchedPoints;
  private final CounterDataPoint duplicatesAtIntake;
  private final CounterDataPoint duplicatesAtNotification;

  /** Registers on {@code metrics}' registry. */
  public DecisionMetrics(RouterMetrics metrics) {
    this.routerMetrics = Objects.requireNonNull(metrics, "metrics");
    this.registry = metrics.registry();
    priorityAssigned = Counter.builder()
        .name("alertrouter_priority_assigned_total")
        .help("Alerts classified, by the priority given and why (explicit_label, severity_level, default).")
        .labelNames("priority", "reason")
        .register(registry);
    teamRouted = Counter.builder()
        .name("alertrouter_team_routed_total")
        .help("Alerts routed, by owning team (a configured team, 'unknown' for an unclaimed team label, 'none').")
        .labelNames("team")
        .register(registry);
    routeMatched = Counter.builder()
        .name("alertrouter_route_matched_total")
        .help("Alerts taken by a route, by the route's receiver (an alert matching two routes counts twice).")
        .labelNames("receiver")
        .register(registry);
    inhibited = Counter.builder()
        .name("alertrouter_alerts_inhibited_total")
        .help("Alerts dropped from a flush because another alert inhibits them, by inhibit_rules position.")
        .labelNames("rule")
        .register(registry);
    silenced = Counter.builder()
        .name("alertrouter_alerts_silenced_total")
        .help("Alerts dropped from a flush because a silence matches them.")
        .register(registry);
    timeMuted = Counter.builder()
        .name("alertrouter_alerts_time_muted_total")
        .help("Alerts dropped from a flush by the route's time intervals, by kind.")
        .labelNames("kind")
        .register(registry);
    notifications = Counter.builder()
        .name("alertrouter_notifications_total")
        .help("Notification attempts, by receiver, integration and outcome (sent, failed, retried, dropped, dry_run).")
        .labelNames("receiver", "integration", "outcome")
        .register(registry);
    shadowNotifications = Counter.builder()
        .name("alertrouter_shadow_notifications_total")
        .help("Notifications of shadow routes and receivers: rendered and recorded, not sent; by receiver and integration.")
        .labelNames("receiver", "integration")
        .register(registry);
    foldedNotifications = Counter.builder()
        .name("alertrouter_notifications_folded_total")
        .help("Notifications beyond a receiver's digest budget, folded into a digest instead of sent; by receiver and integration.")
        .labelNames("receiver", "integration")
        .register(registry);
    digestsSent = Counter.builder()
        .name("alertrouter_digests_sent_total")
        .help("Digest messages delivered (or rendered, in dry-run and shadow), by receiver and integration.")
        .labelNames("receiver", "integration")
        .register(registry);
    notificationLatency = Histogram.builder()
        .name("alertrouter_notification_latency_seconds")
        .help("How long one delivery attempt took, by integration.")
        .unit(Unit.SECONDS)
        .labelNames("integration")
        .classicOnly()
        .register(registry);
    notificationDelay = Histogram.builder()
        .name("alertrouter_notification_delay_seconds")
        .help("From the receipt of the newest alert copy in a notification to its delivery, by the most urgent priority in it.")
        .unit(Unit.SECONDS)
        .labelNames("priority")
        .classicUpperBounds(DELAY_BUCKETS)
        .classicOnly()
        .register(registry);
    runbookEnrichments = Counter.builder()
        .name("alertrouter_runbook_enrichments_total")
        .help("Runbook links given to alerts about to be notified, by where the link came from and priority.")
        .labelNames("source", "priority")
        .register(registry);
    duplicatesSuppressed = Counter.builder()
        .name("alertrouter_duplicates_suppressed_total")
        .help("Duplicates absorbed: copies that changed nothing (stage intake) and flushes already notified (notification_log).")
        .labelNames("stage")
        .register(registry);
    templateFallbacks = Counter.builder()
        .name("alertrouter_template_fallbacks_total")
        .help("Messages rendered with the default template because an override failed at send time, by integration type.")
        .labelNames("integration")
        .register(registry);
    teamRoutedPoints = new CounterPoints(teamRouted);
    routeMatchedPoints = new CounterPoints(routeMatched);
    duplicatesAtIntake = duplicatesSuppressed.labelValues(DUPLICATE_AT_INTAKE);
    duplicatesAtNotification = duplicatesSuppressed.labelValues(DUPLICATE_NOTIFICATION);
    initialiseClosedSets();
  }

  /**
   * A per-receiver template override failed at send and the default was used instead.
   *
   * @param integration as the templates name it, e.g. {@code slack[0]}; only its type is a label
   */
  public void templateFellBack(String integration) {
    int bracket = integration.indexOf('[');
    templateFallbacks.labelValues(bracket < 0 ? integration : integration.substring(0, bracket)).inc();
  }

  /** Every series of a closed label set starts at 0, so rate() and increase() see the first event. */
  private void initialiseClosedSets() {
    for (Priority p : Priority.values()) {
      for (Classification.Reason r : Classification.Reason.values()) {
        priorityAssignedPoints[p.ordinal()][r.ordinal()] = priorityAssigned.labelValues(p.name(), r.label());
      }
      for (RunbookChoice.Source s : RunbookChoice.Source.values()) {
        runbookEnrichments.labelValues(s.wireName(), p.name());
      }
    }
    for (TimeMuteReason.Kind kind : TimeMuteReason.Kind.values()) {
      timeMuted.labelValues(kindLabel(kind));
    }
    templateFallbacks.labelValues("slack");
    templateFallbacks.labelValues("email");
  }

  public void priorityAssigned(Priority priority, Classification.Reason reason) {
    priorityAssignedPoints[priority.ordinal()][reason.ordinal()].inc();
  }

  /** @param team a bounded value: {@code TeamRoutes.countAs} */
  public void teamRouted(String team) {
    teamRoutedPoints.of(team).inc();
  }

  public void routeMatched(String receiver) {
    routeMatchedPoints.of(receiver).inc();
  }

  /** A team or receiver of the loaded configuration: its series shows 0 before its first alert. */
  public void teamConfigured(String team) {
    teamRoutedPoints.of(team);
  }

  public void receiverConfigured(String receiver) {
    routeMatchedPoints.of(receiver);
  }

  /** @param ruleIndex the rule's position in {@code inhibit_rules} */
  public void inhibited(int ruleIndex) {
    inhibited.labelValues(Integer.toString(ruleIndex)).inc();
  }

  public void silenced() {
    silenced.inc();
  }

  public void timeMuted(TimeMuteReason.Kind kind, int alerts) {
    timeMuted.labelValues(kindLabel(kind)).inc(alerts);
  }

  /** @param stage {@link #DUPLICATE_AT_INTAKE} or {@link #DUPLICATE_NOTIFICATION} */
  public void duplicateSuppressed(String stage) {
    if (stage.equals(DUPLICATE_AT_INTAKE)) {
      duplicatesAtIntake.inc();
    } else if (stage.equals(DUPLICATE_NOTIFICATION)) {
      duplicatesAtNotification.inc();
    } else {
      throw new IllegalArgumentException("unknown duplicate stage " + stage);
    }
  }

  /** An integration of the loaded configuration: every outcome's series shows 0 before its first. */
  public void integrationConfigured(String receiver, String integration) {
    for (DeliveryEvent.Result result : DeliveryEvent.Result.values()) {
      if (result != DeliveryEvent.Result.SHADOW) {
        notifications.labelValues(receiver, integration, result.label());
      }
    }
    shadowNotifications.labelValues(receiver, integration);
    foldedNotifications.labelValues(receiver, integration);
    digestsSent.labelValues(receiver, integration);
  }

  /** A notification folded into a digest. */
  public void folded(String receiver, String integration) {
    foldedNotifications.labelValues(receiver, integration).inc();
  }

  /** A digest delivered. */
  public void digestSent(String receiver, String integration) {
    digestsSent.labelValues(receiver, integration).inc();
  }

  /** Counts the outcome; times the attempt when one was made. */
  public void delivery(DeliveryEvent event) {
    if (event.result() == DeliveryEvent.Result.SHADOW) {
      shadowNotifications.labelValues(event.receiver(), event.integration()).inc();
      return;
    }
    notifications.labelValues(event.receiver(), event.integration(), event.result().label()).inc();
    if (event.attempt() > 0) {
      notificationLatency.labelValues(event.integration()).observe(seconds(event.latency()));
    }
  }

  /** @param delay from the receipt of the newest copy notified to the notification */
  public void notificationDelay(Priority mostUrgent, Duration delay) {
    notificationDelay.labelValues(mostUrgent.name()).observe(seconds(delay.isNegative() ? Duration.ZERO : delay));
  }

  public void runbookChosen(RunbookChoice.Source source, Priority priority) {
    runbookEnrichments.labelValues(source.wireName(), priority.name()).inc();
  }

  /** {@code alertrouter_aggregation_groups}, asked at each scrape. Called once. */
  public void trackAggregationGroups(IntSupplier groups) {
    gauge("alertrouter_aggregation_groups", "Aggregation groups holding alerts.", groups);
  }

  /** {@code alertrouter_alerts_flapping}, asked at each scrape. Called once. */
  public void trackFlappingAlerts(IntSupplier flapping) {
    gauge("alertrouter_alerts_flapping",
        "Alerts flapping now (route option flapping): their notifications are held until they are stable.", flapping);
  }

  /** {@code alertrouter_dispatch_queue_depth}, asked at each scrape. Called once. */
  public void trackDispatchQueue(IntSupplier queued) {
    gauge("alertrouter_dispatch_queue_depth",
        "Group flushes that are due and wait for a free dispatch worker (all busy notifying).", queued);
  }

  /** {@code alertrouter_notifications_in_flight}, asked at each scrape. Called once. */
  public void trackNotificationsInFlight(IntSupplier inFlight) {
    gauge("alertrouter_notifications_in_flight",
        "Deliveries under way: being attempted or waiting to retry.", inFlight);
  }

  private void gauge(String name, String help, IntSupplier value) {
    Objects.requireNonNull(value, "value");
    GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsInt())).register(registry);
  }

  private static String kindLabel(TimeMuteReason.Kind kind) {
    return kind == TimeMuteReason.Kind.INSIDE_MUTE_INTERVAL ? "mute_time_intervals" : "outside_active_time_intervals";
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** A group acknowledged: {@link RouterMetrics#acked}. */
  public void acked(Priority priority, String team, String via, Duration sinceFiring) {
    routerMetrics.acked(priority.name(), team, via, sinceFiring == null ? -1 : sinceFiring.toMillis() / 1000.0);
  }

  /** An escalation step sent: {@link RouterMetrics#escalated}. */
  public void escalated(String routeKey, int step) {
    routerMetrics.escalated(routeKey, step);
  }
}
