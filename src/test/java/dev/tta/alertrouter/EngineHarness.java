package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.InMemoryAckStore;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.escalation.InMemoryEscalationStore;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.Backoff;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.InMemoryNotificationLog;
import dev.tta.alertrouter.notify.ManualSleeper;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.slack.InMemorySlackMessageStore;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.store.Upserted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A routing engine built as {@link App} builds it (real metrics, explain record, decision log,
 * notifiers), on a manual clock and scheduler: a test posts alerts, moves time, and every flush
 * runs on the test's thread, in order, with no sleeping. Deliveries are real HTTP to loopback
 * peers; their retry waits advance a manual clock.
 */
final class EngineHarness implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RouterMetrics metrics = new RouterMetrics("test");
  final DecisionMetrics decisionMetrics = new DecisionMetrics(metrics);
  final ExplainRecorder explain = new ExplainRecorder(1000);
  final ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
  final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(1));
  final DecisionObserver observer;
  final InMemoryAckStore ackStore = new InMemoryAckStore();
  /** The newest copy of every alert received, as the store would hold it. */
  final Map<Fingerprint, Alert> stored = new ConcurrentHashMap<>();
  final Acknowledgements acks;
  /** Stand for the stored state: they outlive {@link #restart()}, as the database outlives a process. */
  final InMemoryEscalationStore escalationStore = new InMemoryEscalationStore();
  final InMemoryNotificationLog notificationLog = new InMemoryNotificationLog(Duration.ofHours(120));
  private final LoadedConfig loaded;
  private final RoutingEngine.Services services;
  RoutingEngine engine;

  private EngineHarness(Path config, Optional<Path> runbooks, boolean dryRun) throws ConfigException {
    observer = new DecisionObserver(decisionMetrics, explain,
        new DecisionLog(LogFormat.JSON, new PrintStream(jsonLines, true)), clock);
    AppOptions options = new AppOptions(config, runbooks, "127.0.0.1", 0, Path.of("unused"), dryRun,
        URI.create("http://alert-router.test"));
    Templates templates = new Templates((receiver, integration, template, reason) -> {});
    loaded = LoadedConfig.load(new ConfigLoader(Map.of()), templates, options);
    // Retry waits move a clock of their own: the scheduler sets its clock to each flush's due time and
    // would refuse to go back after a wait moved it on.
    ManualClock deliveryClock = new ManualClock(T0);
    DeliveryRuntime runtime = new DeliveryRuntime(deliveryClock, new ManualSleeper(deliveryClock), new Random(7), Backoff.defaults(),
        ConcurrencyLimits.defaults(), observer, dryRun);
    acks = new Acknowledgements(ackStore,
        this::group, observer, clock);
    services = new RoutingEngine.Services(clock, silences,
        notificationLog, scheduler, Runnable::run,
        new Integrations(options.externalUrl(), runtime, templates, new InMemorySlackMessageStore(),
            new RateLimiter(deliveryClock, Duration.ofSeconds(1), 1), new RateLimiter(deliveryClock, Duration.ofSeconds(1), 1)),
        observer, (context, alerts) -> alerts, acks,
        escalationStore, f -> Optional.ofNullable(stored.get(f)));
    engine = RoutingEngine.build(loaded, services);
    engine.resumeEscalations();
    decisionMetrics.trackAggregationGroups(() -> engine.activeGroups());
    decisionMetrics.trackFlappingAlerts(() -> engine.flappingAlerts());
  }

  private Optional<dev.tta.alertrouter.ack.AckedGroup> group(String groupKey) {
    return engine.group(groupKey, f -> Optional.ofNullable(stored.get(f)), clock.instant());
  }

  /**
   * What a restart does to the engine, as {@link App} does it: a new engine on the same stored state
   * (alerts, notification log, acknowledgements, escalations), fed the stored alerts.
   */
  void restart() {
    engine.close();
    engine = RoutingEngine.build(loaded, services);
    engine.accept(List.copyOf(stored.values()));
    engine.resumeEscalations();
  }

  static EngineHarness of(Path dir, String yaml) throws Exception {
    return new EngineHarness(Files.writeString(dir.resolve("config.yml"), yaml), Optional.empty(), false);
  }

  static EngineHarness withRunbooks(Path dir, String yaml, Path runbooks) throws Exception {
    return new EngineHarness(Files.writeString(dir.resolve("config.yml"), yaml), Optional.of(runbooks), false);
  }

  static EngineHarness dryRun(Path dir, String yaml) throws Exception {
    return new EngineHarness(Files.writeString(dir.resolve("config.yml"), yaml), Optional.empty(), true);
  }

  /** A firing alert received now, started now. */
  Alert firing(String... labels) {
    return new Alert(Labels.of(labels), Map.of(), clock.instant(), null, "", clock.instant());
  }

  /** Hands stored copies on as intake does. */
  void receive(Alert... alerts) {
    for (Alert alert : alerts) {
      stored.put(alert.fingerprint(), alert);
    }
    Upserted upserted = Upserted.allNews(List.of(alerts));
    observer.received(upserted);
    engine.accept(upserted);
  }

  void advance(Duration d) {
    scheduler.advance(d);
  }

  MetricSamples samples() {
    return MetricSamples.parse(new String(metrics.expose("text/plain").body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  String jsonLog() {
    return jsonLines.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    engine.close();
  }
}
