package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckListener;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.EscalationStep;
import dev.tta.alertrouter.escalation.EscalationListener;
import dev.tta.alertrouter.escalation.Escalator;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Placement;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.Decisions;
import dev.tta.alertrouter.explain.DeliveryHistory;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.InFlightDeliveries;
import dev.tta.alertrouter.explain.Verdict;
import dev.tta.alertrouter.explain.Verdicts;
import dev.tta.alertrouter.flap.FlapListener;
import dev.tta.alertrouter.flap.FlapStatus;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.MuteListener;
import dev.tta.alertrouter.mute.TimeMuteReason;
import dev.tta.alertrouter.notify.DedupListener;
import dev.tta.alertrouter.notify.DeliveryEvent;
import dev.tta.alertrouter.notify.DeliveryListener;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.digest.DigestListener;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.runbook.AlertPriority;
import dev.tta.alertrouter.runbook.RunbookChoice;
import dev.tta.alertrouter.runbook.RunbookChoiceListener;
import dev.tta.alertrouter.severity.Classification;
import dev.tta.alertrouter.store.Upserted;
import dev.tta.alertrouter.tracing.TraceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hears every decision the stages take and hands each to the three places that keep it: the
 * decision metrics, the explain record and the decision log. The stages know only their own
 * listener interfaces; this is where they meet.
 */
final class DecisionObserver implements MuteListener, RunbookChoiceListener, DedupListener, DeliveryListener, AckListener,
    EscalationListener, DigestListener, FlapListener {
  private final DecisionMetrics metrics;
  private final ExplainRecorder explain;
  private final DecisionLog log;
  private final InFlightDeliveries inFlight = new InFlightDeliveries();
  private final DeliveryHistory deliveries = new DeliveryHistory();
  private final Clock clock;
  private final DecisionTap tap;

  DecisionObserver(DecisionMetrics metrics, ExplainRecorder explain, DecisionLog log, Clock clock) {
    this(metrics, explain, log, clock, DecisionTap.NONE);
  }

  /** @param tap also told of each routing and muting decision (a replay's recorder) */
  DecisionObserver(DecisionMetrics metrics, ExplainRecorder explain, DecisionLog log, Clock clock, DecisionTap tap) {
    this.tap = Objects.requireNonNull(tap, "tap");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.explain = Objects.requireNonNull(explain, "explain");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    metrics.trackNotificationsInFlight(inFlight::size);
  }

  /** A configuration's teams and receivers: their series show 0 before their first alert. */
  void configured(RouterConfig config) {
    config.teams().keySet().forEach(metrics::teamConfigured);
    metrics.teamConfigured(TeamRoutes.NO_TEAM);
    metrics.teamConfigured(TeamRoutes.UNKNOWN_TEAM);
    config.receivers().forEach(r -> metrics.receiverConfigured(r.name()));
  }

  /**
   * Copies just stored by intake. One that repeats the previous copy's status and start (an HA
   * pair's second post, a keep-alive) told nothing new: it is counted as a duplicate.
   */
  void received(Upserted upserted) {
    Instant now = clock.instant();
    List<Alert> stored = upserted.stored();
    for (int i = 0; i < stored.size(); i++) {
      Alert alert = stored.get(i);
      Verdict receipt = Verdicts.received(alert, now);
      boolean folded = upserted.isRepeat(i)
          ? explain.recordRepeat(alert, now, receipt)
          : explain.record(alert, now, receipt);
      log(alert, now, receipt);
      if (folded) {
        metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_AT_INTAKE);
      }
    }
  }

  /**
   * An alert routed: its priority, its team ({@link TeamRoutes#countAs}), and each route that took
   * it with the group it joined. Counted first, then recorded with one look-up of its story.
   *
   * @param repeat the copy only repeated what was held ({@link Upserted#isRepeat})
   */
  void routed(Alert alert, Classification classification, String countAs, List<Placement> placements, boolean repeat) {
    metrics.priorityAssigned(classification.priority(), classification.reason());
    metrics.teamRouted(countAs);
    tap.routed(alert, classification, placements);
    List<Verdict> verdicts = new ArrayList<>(2 + 2 * placements.size());
    verdicts.add(Verdicts.priority(classification));
    verdicts.add(Verdicts.team(countAs));
    for (Placement p : placements) {
      metrics.routeMatched(p.route().receiver());
      verdicts.add(Verdicts.route(p.route()));
      verdicts.add(Verdicts.group(p.groupKey(), p.route().receiver()));
    }
    Instant now = clock.instant();
    if (repeat) {
      explain.recordRepeat(alert, now, verdicts);
    } else {
      explain.record(alert, now, verdicts);
    }
    if (log.decisionsEnabled()) {
      verdicts.forEach(v -> log(alert, now, v));
    }
  }

  @Override
  public void inhibited(FlushContext context, Alert target, InhibitionReason reason) {
    metrics.inhibited(reason.ruleIndex());
    tap.muted(target, "inhibited");
    record(target, Decisions.inhibited(context, reason));
  }

  @Override
  public void silenced(FlushContext context, Alert alert, List<String> silenceIds) {
    metrics.silenced();
    tap.muted(alert, "silenced");
    record(alert, Decisions.silenced(context, silenceIds));
  }

  @Override
  public void mutedByTimeInterval(FlushContext context, List<Alert> alerts, TimeMuteReason reason) {
    metrics.timeMuted(reason.kind(), alerts.size());
    alerts.forEach(a -> tap.muted(a, "time_muted"));
    Decision decision = Decisions.timeMuted(context, reason);
    alerts.forEach(a -> record(a, decision));
  }

  @Override
  public void chosen(Alert alert, RunbookChoice choice, Priority priority) {
    metrics.runbookChosen(choice.source(), priority);
    record(alert, Decisions.runbook(choice, clock.instant()));
  }

  @Override
  public void suppressed(FlushContext context, String integration, int index, List<Alert> alerts) {
    metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_NOTIFICATION);
    Decision decision = Decisions.deduplicated(context, integration, index);
    alerts.forEach(a -> record(a, decision));
  }

  @Override
  public void repeatHeld(FlushContext context, String integration, int index, List<Alert> alerts, String why) {
    metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_NOTIFICATION);
    Decision decision = Decisions.repeatHeld(context, integration, index, why);
    alerts.forEach(a -> record(a, decision));
  }

  @Override
  public void folded(FlushContext context, String integration, int index, List<Alert> alerts, String digestId,
      Instant sendAt) {
    metrics.folded(context.receiver(), integration);
    Decision decision = Decisions.folded(context, integration, index, digestId, sendAt);
    alerts.forEach(a -> record(a, decision));
  }

  @Override
  public void digestSent(Digest digest, String integration, int index) {
    metrics.digestSent(digest.receiver(), integration);
  }

  @Override
  public void flappingStarted(FlushContext context, Alert alert, FlapStatus status) {
    record(alert, Decisions.flapping(context, status, "marked flapping; one flapping notification"));
  }

  @Override
  public void flappingHeld(FlushContext context, Alert alert, FlapStatus status) {
    record(alert, Decisions.flapping(context, status, "notification held until stable"));
  }

  @Override
  public void flappingEnded(FlushContext context, Alert alert, FlapStatus status) {
    record(alert, Decisions.flapping(context, status, "stable again: its real state is sent"));
  }

  @Override
  public void resolveDropped(FlushContext context, String integration, int index, Alert alert, String why) {
    record(alert, Decisions.resolveDropped(context, integration, index, why));
  }

  /** Counted (with the time from the group's first firing alert) and recorded on each of its alerts. */
  @Override
  public void acked(Ack ack, AckedGroup group) {
    metrics.acked(group.priority(), group.team(), ack.via(),
        group.firingSince() == null ? null : Duration.between(group.firingSince(), ack.at()));
    Decision decision = Decisions.acknowledged(ack.groupKey(), ack.describe(), ack.comment(), ack.at());
    group.alerts().forEach(a -> record(a, decision));
  }

  @Override
  public void ended(Ack ack, AckedGroup group, String why, Instant at) {
    if (group != null) {
      Decision decision = Decisions.ackEnded(ack.groupKey(), ack.describe(), why, at);
      group.alerts().forEach(a -> record(a, decision));
    }
  }

  @Override
  public void escalated(String groupKey, String routeKey, int number, EscalationStep step, List<Alert> alerts, Instant at) {
    metrics.escalated(routeKey, number);
    Decision decision = Decisions.escalated(groupKey, routeKey, number, step.receiver(), Escalator.note(step), at);
    alerts.forEach(a -> record(a, decision));
  }

  /** {@code delivery}, with its events tied to the alerts it delivers. */
  Stage trackDelivery(String receiver, String integration, int index, Stage delivery) {
    metrics.integrationConfigured(receiver, integration);
    return inFlight.track(integration, index, delivery);
  }

  @Override
  public void onDelivery(DeliveryEvent event) {
    Instant now = clock.instant();
    metrics.delivery(event);
    deliveries.record(event, now);
    List<Alert> alerts = inFlight.alertsOf(event);
    if (event.result() == DeliveryEvent.Result.SENT && !alerts.isEmpty()) {
      metrics.notificationDelay(mostUrgent(alerts), Duration.between(newestReceipt(alerts), now));
    }
    // Counted before it is recorded: whoever sees a notification in explain finds it in the metrics.
    Decision decision = traced(Decisions.notification(event, now));
    // One log line for the whole notification, naming every alert, rather than one per alert.
    alerts.forEach(a -> explain.record(a, decision));
    log.notification(event, alerts, now);
  }

  ExplainRecorder explain() {
    return explain;
  }

  /** Each integration's recent deliveries, for the receivers page. */
  DeliveryHistory deliveries() {
    return deliveries;
  }

  /** {@code decision} naming the recorded span it was taken in, so explain leads to the trace. */
  private static Decision traced(Decision decision) {
    Map<String, String> details = TraceIds.withCurrent(decision.details(), id -> id);
    return details == decision.details() ? decision : new Decision(decision.at(), decision.stage(), decision.subject(),
        decision.summary(), details, decision.lastAt(), decision.times());
  }

  /** Words for the debug log only when it writes them. */
  private void log(Alert alert, Instant at, Verdict verdict) {
    if (log.decisionsEnabled()) {
      log.decision(alert, verdict.takenAt(at));
    }
  }

  /** @return true when the decision repeated the latest one about the same subject */
  private boolean record(Alert alert, Decision decision) {
    boolean folded = explain.record(alert, decision);
    log.decision(alert, decision);
    return folded;
  }

  private static Priority mostUrgent(List<Alert> alerts) {
    Priority most = Priority.P2;
    for (Alert a : alerts) {
      Priority p = AlertPriority.of(a.labels());
      if (p.ordinal() < most.ordinal()) {
        most = p;
      }
    }
    return most;
  }

  private static Instant newestReceipt(List<Alert> alerts) {
    Instant newest = alerts.get(0).updatedAt();
    for (Alert a : alerts) {
      if (a.updatedAt().isAfter(newest)) {
        newest = a.updatedAt();
      }
    }
    return newest;
  }
}
