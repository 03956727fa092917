package dev.tta.alertrouter;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.MultiStage;
import dev.tta.alertrouter.runbook.RunbookEnricher;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.mute.Inhibitor;
import dev.tta.alertrouter.mute.MuteStages;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.severity.Classification;
import dev.tta.alertrouter.severity.SeverityClassifier;
import dev.tta.alertrouter.store.Upserted;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
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
      Stage flushGuard) {}

  private final LoadedConfig loaded;
  private final RouterConfig config;
  private final SeverityClassifier classifier;
  private final TeamRoutes teams;
  private final RouteTree tree;
  private final Inhibitor inhibitor;
  private final Dispatcher dispatcher;
  private final DecisionObserver observer;
  private final List<AutoCloseable> resources = new ArrayList<>();

  private RoutingEngine(LoadedConfig loaded, Services services) {
    this.loaded = loaded;
    this.config = loaded.config();
    this.observer = services.observer();
    observer.configured(config);
    // The observer counts each classification itself, knowing the alert; the classifier's own
    // listener would count it without.
    this.classifier = new SeverityClassifier(config.severity());
    this.teams = new TeamRoutes(config.teams());
    RouteConfig compiled = TeamRoutes.compile(config.route(), config.teams());
    this.tree = RouteTree.of(compiled);
    this.inhibitor = new Inhibitor(config.inhibitRules(), services.clock());
    TimeIntervals intervals = new TimeIntervals(config.timeIntervals().values());
    PipelineBuilder pipeline = new PipelineBuilder(services.notificationLog(), services.fanoutExecutor())
        .dedupListener(observer);
    // First, before any mute: with a shared store only the replica holding the group's lease flushes it.
    pipeline.mute(services.flushGuard());
    MuteStages.inAlertmanagerOrder(inhibitor, intervals, services.silences(), observer)
        .forEach(pipeline::mute);
    // Enrichment runs after dedup, just before each integration sends (DESIGN.md's pipeline), so
    // the runbook link reflects the runbooks in force when the message goes out.
    RunbookEnricher enricher = new RunbookEnricher(loaded.runbooks(), observer);
    Stage enrich = (context, alerts) -> alerts.stream().map(a -> enricher.enrich(a).alert()).toList();
    for (ReceiverConfig receiver : config.receivers()) {
      List<Integration> integrations = services.integrations().integrationsFor(receiver, resources::add).stream()
          .map(i -> new Integration(i.type(), i.index(), i.sendResolved(), new MultiStage(List.of(
              enrich, observer.trackDelivery(receiver.name(), i.type(), i.index(), i.delivery())))))
          .toList();
      pipeline.receiver(receiver.name(), integrations);
    }
    this.dispatcher = new Dispatcher(tree, pipeline.build(), services.scheduler(), services.clock());
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

  /**
   * Takes alerts as the store merged them: classifies each (the priority label is set before
   * routing, so routes and inhibition rules can match it), lets the inhibitor see the sources, and
   * hands them to the dispatcher. Muting happens later, at flush.
   */
  void accept(Collection<Alert> stored) {
    accept(Upserted.allNews(List.copyOf(stored)));
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

  List<GroupSnapshot> groups() {
    return dispatcher.groups();
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
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("releasing {} failed: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
