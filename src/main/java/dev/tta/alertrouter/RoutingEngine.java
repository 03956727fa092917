package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.MaskedConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.escalation.EscalationStore;
import dev.tta.alertrouter.escalation.Escalator;
import dev.tta.alertrouter.flap.FlapStage;
import dev.tta.alertrouter.flap.FlapStatus;
import dev.tta.alertrouter.heartbeat.HeartbeatRoutes;
import dev.tta.alertrouter.http.v2.V2ConfigView;
import dev.tta.alertrouter.mute.Inhibitor;
import dev.tta.alertrouter.mute.MuteStages;
import dev.tta.alertrouter.mute.ResolvesPastMutes;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.MultiStage;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.query.AlertMarks;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.runbook.AlertPriority;
import dev.tta.alertrouter.runbook.RunbookEnricher;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.severity.Classification;
import dev.tta.alertrouter.severity.SeverityClassifier;
import dev.tta.alertrouter.store.Upserted;
import dev.tta.alertrouter.tracing.StageSpans;
import dev.tta.alertrouter.tracing.Tracing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that one loaded configuration decides: severity, teams, the route tree, inhibition,
 * time intervals, the per-receiver pipelines and the dispatcher. A reload builds a new engine and
 * stops the old one; silences, the notification log and the stored alerts outlive both, so a reload
 * neither forgets a silence nor notifies twice (Alertmanager reloads the same way).
 */
final class RoutingEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoutingEngine.class);

  /** The long-lived parts an engine is built on. */
  record Services(
      Clock clock,
      Silences silences,
      NotificationLog notificationLog,
      Scheduler scheduler,
      Executor fanoutExecutor,
      IntegrationFactory integrations,
      DecisionObserver observer,
      Stage flushGuard,
      Acknowledgements acks,
      EscalationStore escalations,
      Function<Fingerprint, Optional<Alert>> storedAlerts,
      Tracing tracing) {

    /** Without traces (replays, tests). */
    Services(Clock clock, Silences silences, NotificationLog notificationLog, Scheduler scheduler,
        Executor fanoutExecutor, IntegrationFactory integrations, DecisionObserver observer, Stage flushGuard,
        Acknowledgements acks, EscalationStore escalations, Function<Fingerprint, Optional<Alert>> storedAlerts) {
      this(clock, silences, notificationLog, scheduler, fanoutExecutor, integrations, observer, flushGuard, acks,
          escalations, storedAlerts, Tracing.off());
    }
  }

  private final LoadedConfig loaded;
  private final RouterConfig config;
  private final SeverityClassifier classifier;
  private final TeamRoutes teams;
  private final RouteTree tree;
  private final Inhibitor inhibitor;
  private final TimeIntervals intervals;
  private final Dispatcher dispatcher;
  private final Escalator escalator;
  private final FlapStage flapping;
  private final DecisionObserver observer;
  private final Silences silences;
  private final Supplier<String> maskedYaml;
  private final List<AutoCloseable> resources = new ArrayList<>();

  private RoutingEngine(LoadedConfig loaded, Services services) {
    this.loaded = loaded;
    this.config = loaded.config();
    this.observer = services.observer();
    this.silences = services.silences();
    this.maskedYaml = memoized(() -> MaskedConfig.of(config.sources()));
    observer.configured(config);
    // The observer counts each classification itself, knowing the alert; the classifier's own
    // listener would count it without.
    this.classifier = new SeverityClassifier(config.severity());
    this.teams = new TeamRoutes(config.teams());
    // Heartbeats' missing alerts first, so no written route can divert or drop a dead-man's page.
    RouteConfig compiled = HeartbeatRoutes.prepend(TeamRoutes.compile(config.route(), config.teams()), config.heartbeats());
    this.tree = RouteTree.of(compiled);
    this.inhibitor = new Inhibitor(config.inhibitRules(), services.clock());
    this.intervals = new TimeIntervals(config.timeIntervals().values());
    StageSpans spans = new StageSpans(services.tracing());
    PipelineBuilder pipeline = new PipelineBuilder(services.notificationLog(), services.fanoutExecutor())
        .dedupListener(observer)
        .wrapper(spans)
        .digests(services.scheduler(), services.clock(), observer);
    // First, before any mute: with a shared store only the replica holding the group's lease flushes it.
    pipeline.mute(services.flushGuard());
    // Before any mute, so a silenced alert still counts as firing: an ack lasts until the group resolves.
    pipeline.mute(services.acks().endWhenResolved());
    pipeline.repeatHold(context -> services.acks().holding(context.groupKey(), context.now()).map(Ack::describe));
    pipeline.notifiedListener(this::notified);
    pipeline.mute(new ResolvesPastMutes(new MultiStage(
        MuteStages.inAlertmanagerOrder(inhibitor, intervals, services.silences(), observer))));
    // After the mutes, so a muted alert is not announced as flapping to a receiver that hears nothing of it.
    this.flapping = new FlapStage(observer);
    pipeline.mute(flapping);
    pipeline.noticeOwed(flapping::owesNotice);
    // Enrichment runs after dedup, just before each integration sends (DESIGN.md's pipeline), so
    // the runbook link reflects the runbooks in force when the message goes out.
    RunbookEnricher enricher = new RunbookEnricher(loaded.runbooks(), observer);
    Stage enrich = spans.wrap("enrich",
        (context, alerts) -> alerts.stream().map(a -> enricher.enrich(a).alert()).toList());
    for (ReceiverConfig receiver : config.receivers()) {
      List<Integration> integrations = services.integrations().integrationsFor(receiver, resources::add).stream()
          .map(i -> i.withDelivery(new MultiStage(List.of(
              enrich,
              spans.wrap("notify", observer.trackDelivery(receiver.name(), i.type(), i.index(), i.delivery()))))))
          .toList();
      pipeline.receiver(receiver.name(), integrations, receiver.digest());
    }
    Stage receivers = spans.flush(pipeline.build());
    // First on close: pending digests go out through notifier clients that are closed after them.
    resources.addAll(0, pipeline.digestBudgets());
    this.dispatcher = new Dispatcher(tree, receivers, services.scheduler(), services.clock(), flapping::keeps);
    this.escalator = new Escalator(tree, services.escalations(), services.acks(),
        key -> group(key, services.storedAlerts(), services.clock().instant()), receivers,
        services.scheduler(), services.clock(), observer);
  }

  /** Each notification recorded: the escalation of a group starts at its first, ends at its resolve. */
  private void notified(FlushContext context, String integration, int index, NotificationLog.Entry entry) {
    Escalator e = escalator;
    if (e != null) {
      e.notified(context, !entry.firing().isEmpty());
    }
  }

  static RoutingEngine build(LoadedConfig loaded, Services services) {
    return new RoutingEngine(loaded, services);
  }

  LoadedConfig loaded() {
    return loaded;
  }

  RouterConfig config() {
    return config;
  }

  RunbookResolver runbooks() {
    return loaded.runbooks();
  }

  RouteTree tree() {
    return tree;
  }

  /** {@code labels} with the priority label this configuration's classifier gives them. */
  Labels classify(Labels labels) {
    return classifier.classify(labels).labels();
  }

  /** The team an alert with these (classified) labels counts as. */
  String team(Labels classified) {
    return teams.countAs(classified);
  }

  Inhibitor inhibitor() {
    return inhibitor;
  }

  TimeIntervals timeIntervals() {
    return intervals;
  }

  /**
   * Takes alerts as the store merged them: classifies each (the priority label is set before
   * routing, so routes and inhibition rules can match it), lets the inhibitor see the sources, and
   * hands them to the dispatcher. Muting happens later, at flush.
   */
  void accept(Collection<Alert> stored) {
    accept(Upserted.allNews(List.copyOf(stored)));
  }

  /**
   * {@link #accept(Collection)} of the stored alerts a start or a reload rebuilds the groups from:
   * no group flushes before all of them are in (see {@link Dispatcher#replay}).
   */
  void replay(Collection<Alert> stored) {
    dispatcher.replay(() -> accept(stored));
  }

  /** {@link #accept(Collection)} of what intake stored, telling the observer which copies were repeats. */
  void accept(Upserted upserted) {
    List<Alert> stored = upserted.stored();
    List<Alert> classified = new ArrayList<>(stored.size());
    List<Classification> classifications = new ArrayList<>(stored.size());
    for (Alert alert : stored) {
      Classification classification = classifier.classify(alert.labels());
      classifications.add(classification);
      classified.add(alert.withDerivedLabels(classification.labels()));
    }
    inhibitor.onAlerts(classified);
    for (int i = 0; i < classified.size(); i++) {
      Alert alert = classified.get(i);
      observer.routed(alert, classifications.get(i), teams.countAs(alert.labels()), dispatcher.process(alert),
          upserted.isRepeat(i));
    }
  }

  /**
   * What this configuration says about a held alert now, for the APIs: it is classified as for
   * routing, then its receivers, the silences and the alert that mute it (Alertmanager's
   * {@code setAlertStatus}, evaluated at each request).
   */
  AlertMarks judge(Alert alert, Instant now) {
    Labels labels = classifier.classify(alert.labels()).labels();
    List<String> inhibitedBy = inhibitor.isInhibited(labels, now)
        .map(r -> List.of(r.source().fingerprint().toString()))
        .orElse(List.of());
    return new AlertMarks(tree.receivers(labels), silences.mutes(labels, now, intervals), inhibitedBy);
  }

  /** The configuration as the v2 API shows it. */
  V2ConfigView view() {
    List<String> receivers = config.receivers().stream().map(ReceiverConfig::name).toList();
    return new V2ConfigView() {
      @Override
      public String maskedYaml() {
        return maskedYaml.get();
      }

      @Override
      public List<String> receiverNames() {
        return receivers;
      }
    };
  }

  private static Supplier<String> memoized(Supplier<String> compute) {
    java.util.concurrent.atomic.AtomicReference<String> value = new java.util.concurrent.atomic.AtomicReference<>();
    return () -> value.updateAndGet(v -> v != null ? v : compute.get());
  }

  /**
   * Arms the escalation steps the store says are still due; call once the dispatcher has been fed
   * the stored alerts, so the groups they escalate exist.
   */
  void resumeEscalations() {
    escalator.resume();
  }

  List<GroupSnapshot> groups() {
    return dispatcher.groups();
  }

  /**
   * The group {@code groupKey} as the dispatcher holds it, its alerts read from {@code stored} and
   * classified as routing classified them.
   */
  Optional<AckedGroup> group(String groupKey, Function<Fingerprint, Optional<Alert>> stored, Instant now) {
    for (GroupSnapshot snapshot : dispatcher.groups()) {
      if (!snapshot.groupKey().equals(groupKey)) {
        continue;
      }
      List<Alert> alerts = new ArrayList<>();
      Priority priority = Priority.P2;
      String team = null;
      Instant firingSince = null;
      for (GroupSnapshot.AlertState state : snapshot.alerts()) {
        Optional<Alert> held = stored.apply(state.fingerprint());
        if (held.isEmpty()) {
          continue;
        }
        Alert alert = held.get().withDerivedLabels(classifier.classify(held.get().labels()).labels());
        alerts.add(alert);
        if (!alert.isResolvedAt(now)) {
          Priority p = AlertPriority.of(alert.labels());
          priority = p.ordinal() < priority.ordinal() ? p : priority;
          team = team == null ? teams.countAs(alert.labels()) : team;
          firingSince = firingSince == null || alert.startsAt().isBefore(firingSince) ? alert.startsAt() : firingSince;
        }
      }
      return Optional.of(new AckedGroup(groupKey, snapshot.groupLabels(), snapshot.receiver(), alerts, priority,
          team == null ? TeamRoutes.NO_TEAM : team, firingSince));
    }
    return Optional.empty();
  }

  /** Why the alert is flapping now, if it is (explain, the UI). */
  Optional<FlapStatus> flapping(Fingerprint fingerprint) {
    return flapping.status(fingerprint);
  }

  /** How many alerts are flapping: {@code alertrouter_alerts_flapping}. */
  int flappingAlerts() {
    return flapping.flappingAlerts();
  }

  int activeGroups() {
    return dispatcher.activeGroups();
  }

  int collectGarbage(Instant now) {
    return inhibitor.collectGarbage(now);
  }

  @Override
  public void close() {
    dispatcher.stop();
    escalator.close();
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("releasing {} failed: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
