package dev.tta.alertrouter;

import dev.tta.alertrouter.tracing.ExportTarget;
import dev.tta.alertrouter.tracing.OtlpEnvironment;
import dev.tta.alertrouter.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckListener;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.GroupDirectory;
import dev.tta.alertrouter.actionlink.ActionTokens;
import dev.tta.alertrouter.actionlink.SignedLinks;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.http.PagerDutyWebhookEndpoint;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.pagerduty.AckForwarder;
import dev.tta.alertrouter.notify.pagerduty.IncidentWebhooks;
import dev.tta.alertrouter.notify.pagerduty.PagerDutyNotifier;
import dev.tta.alertrouter.ui.ActionPages;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.capture.CaptureStorage;
import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.capture.Since;
import dev.tta.alertrouter.config.CaptureSettings;
import dev.tta.alertrouter.config.MaskedSources;
import dev.tta.alertrouter.config.ConfigChange;
import dev.tta.alertrouter.config.ConfigChangeReport;
import dev.tta.alertrouter.config.ConfigChanges;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import dev.tta.alertrouter.dispatch.ExecutorScheduler;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.flap.FlapStatus;
import dev.tta.alertrouter.heartbeat.HeartbeatMonitor;
import dev.tta.alertrouter.http.AckHandlers;
import dev.tta.alertrouter.http.ConfigDiffAction;
import dev.tta.alertrouter.http.HeartbeatHandlers;
import dev.tta.alertrouter.http.HttpApi;
import dev.tta.alertrouter.http.MeteredReloadAction;
import dev.tta.alertrouter.http.ReceiverTestHandler;
import dev.tta.alertrouter.http.ReloadAction;
import dev.tta.alertrouter.http.ReloadOutcome;
import dev.tta.alertrouter.http.RunbookRoutes;
import dev.tta.alertrouter.http.SilenceHandlers;
import dev.tta.alertrouter.http.SlackInteractions;
import dev.tta.alertrouter.http.auth.AccessGuard;
import dev.tta.alertrouter.http.v2.V2Api;
import dev.tta.alertrouter.http.v2.V2StatusFacts;
import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.MaintenanceSilences;
import dev.tta.alertrouter.mute.SilenceReferences;
import dev.tta.alertrouter.mute.SilenceState;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.slack.PersistentSlackMessageStore;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.persistence.Persistence;
import dev.tta.alertrouter.persistence.Retention;
import dev.tta.alertrouter.persistence.StoredAlerts;
import dev.tta.alertrouter.persistence.WriterStats;
import dev.tta.alertrouter.query.AlertQueries;
import dev.tta.alertrouter.reminder.SilenceReminders;
import dev.tta.alertrouter.replay.CandidateDiff;
import dev.tta.alertrouter.replay.CaptureSource;
import dev.tta.alertrouter.replay.DiffReport;
import dev.tta.alertrouter.replay.ReplayDiff;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.store.Upserted;
import dev.tta.alertrouter.ui.StatusFacts;
import dev.tta.alertrouter.ui.UiBackend;
import dev.tta.alertrouter.ui.WebUi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that knows every stage. It loads the configuration, builds
 * the long-lived parts (store, silences, notification log, metrics, HTTP), builds a {@link
 * RoutingEngine} per configuration, and swaps engines on reload.
 */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  private static final Duration MAINTENANCE_PERIOD = Duration.ofMinutes(1);
  private static final Duration NOTIFICATION_LOG_RETENTION = Duration.ofHours(120);
  private static final Duration SILENCE_RETENTION = Duration.ofHours(120);
  private static final Duration PEER_SYNC_PERIOD = Duration.ofSeconds(1);
  /** How many group leases the status page lists. */
  private static final int STATUS_LEASES = 200;
  private static final Duration ESCALATION_SCAN_PERIOD = Duration.ofSeconds(10);
  private static final int CAPTURE_QUEUE = 10_000;
  private static final Duration STARTUP_REPLAY_WAIT = Duration.ofSeconds(60);

  private final AppOptions options;
  private final Clock clock;
  private final ConfigLoader loader;
  private final RouterMetrics metrics;
  private final Persistence persistence;
  private final AlertStore store;
  private final Silences silences;
  private final NotificationLog notificationLog;
  private final ExecutorScheduler dispatchScheduler;
  private final ExecutorService fanoutExecutor;
  private final ScheduledExecutorService maintenance;
  private final AtomicReference<RoutingEngine> engine = new AtomicReference<>();
  private final AtomicReference<WebConfig> web = new AtomicReference<>();
  private final DecisionObserver observer;
  private final Integrations integrations;
  private final RateLimiter slackRateLimiter;
  private final Acknowledgements acks;
  private final Templates templates;
  private final ReloadAction reloadAction;
  private final HttpApi http;
  private final Instant startedAt;
  private final AtomicReference<Instant> configLoadedAt = new AtomicReference<>();
  private volatile boolean lastReloadSucceeded = true;
  private final CaptureWriter capture;
  private final HeartbeatMonitor heartbeats;
  private final MaintenanceSilences maintenanceSilences;
  private final SilenceReminders silenceReminders;
  private final Map<String, String> environment;
  private final AtomicReference<ConfigChangeReport> lastChanges = new AtomicReference<>();
  /**
   * The configuration files in force, masked, read when loaded: files edited since are not in force.
   * Those of the start are read on a thread of their own once intake is open (masking them built a
   * YAML mapper and read every file again, ~45 ms on a restart's path: bench/README.md); a request
   * meanwhile waits for them.
   */
  private final AtomicReference<CompletableFuture<Map<String, String>>> maskedSources =
      new AtomicReference<>(new CompletableFuture<>());
  private final java.util.concurrent.Semaphore diffs = new java.util.concurrent.Semaphore(1);
  private final Tracing tracing;
  private final StartupReplay startupReplay = new StartupReplay(upserted -> engine.get().accept(upserted));

  private App(AppOptions options, Clock clock, ConfigLoader loader, RouterMetrics metrics,
      DecisionMetrics decisionMetrics, Templates templates, Persistence persistence, LoadedConfig initial,
      Map<String, String> environment) {
    this.options = options;
    this.environment = Map.copyOf(environment);
    this.templates = templates;
    this.clock = clock;
    this.loader = loader;
    this.metrics = metrics;
    this.persistence = persistence;
    this.store = persistence.alerts();
    this.silences = new Silences(persistence.silences(), clock, SILENCE_RETENTION);
    this.maintenanceSilences = new MaintenanceSilences(silences, clock);
    this.notificationLog = persistence.notificationLog();
    this.dispatchScheduler = new ExecutorScheduler("dispatch", Math.max(2, Runtime.getRuntime().availableProcessors()));
    // Each fanout branch runs in the flush's trace context, so its spans join the flush's trace.
    this.fanoutExecutor = io.opentelemetry.context.Context.taskWrapping(
        Executors.newCachedThreadPool(daemonThreads("notify")));
    this.tracing = new Tracing(Version.current(), options.replica());
    this.maintenance = Executors.newSingleThreadScheduledExecutor(daemonThreads("maintenance"));
    this.observer = new DecisionObserver(decisionMetrics, new ExplainRecorder(options.explainCacheSize()),
        new DecisionLog(options.logFormat(), System.out), clock);
    this.slackRateLimiter = new RateLimiter(clock, Duration.ofSeconds(1), 1);
    ActionTokens actionTokens = new ActionTokens(persistence.actionKey());
    // Slack bot messages show the acknowledgement in force when they are rendered (after construction).
    this.integrations = new Integrations(options.externalUrl(), DeliveryRuntime.system(observer, options.dryRun(),
            ConcurrencyLimits.perReceiver(options.maxInFlightPerReceiver()))
        .withTracer(tracing.tracer()), templates, new PersistentSlackMessageStore(persistence.messageReferences()),
        slackRateLimiter, new RateLimiter(clock, Duration.ofSeconds(1), 1),
        new SignedLinks(actionTokens, options.externalUrl().toString(), clock,
            () -> engine.get().config().server().actionLinksTtl()),
        this::currentAck);
    this.startedAt = clock.instant();
    // Groups are looked up in the engine running when asked, so a reload does not strand acknowledgements.
    GroupDirectory groups = this::group;
    AckForwarder toPagerDuty = new AckForwarder(
        receiver -> engine.get().config().receiver(receiver).map(ReceiverConfig::pagerDutyConfigs).orElse(List.of()),
        c -> new HttpPoster(c.httpConfig()), DeliveryRuntime.system(observer, options.dryRun()), fanoutExecutor);
    this.acks = new Acknowledgements(persistence.acks(), groups, AckListener.all(List.of(observer, toPagerDuty,
        new SlackAckMessages(() -> engine.get().config(), integrations, fanoutExecutor, clock))), clock);
    this.engine.set(RoutingEngine.build(initial, services()));
    this.web.set(initial.web());
    this.configLoadedAt.set(clock.instant());
    // Resume where the last run stopped: the groups are rebuilt from the stored alerts (read and
    // replayed once intake is open, see startServing), and the persisted notification log keeps
    // them from notifying again what was already sent.
    // Missing heartbeats raise their alert as intake would hand it on: stored, then dispatched.
    this.heartbeats = new HeartbeatMonitor(persistence.heartbeats(), dispatchScheduler, clock,
        alerts -> onAccepted(store.upsertAll(alerts)));
    this.silenceReminders = new SilenceReminders(silences, store, () -> new SilenceReminders.Settings(
            engine.get().timeIntervals(), engine.get().config().server().silenceReminderAfter()),
        new SilenceReminderNotifier(integrations, () -> engine.get().config(), options.dryRun(), clock),
        dispatchScheduler, clock);
    metrics.configLoaded(clock.instant());
    metrics.trackStoredAlerts(() -> store.countByStatus(clock.instant()));
    metrics.trackStore(persistence::reachable, persistence::outages);
    decisionMetrics.trackAggregationGroups(() -> engine.get().activeGroups());
    decisionMetrics.trackFlappingAlerts(() -> engine.get().flappingAlerts());
    decisionMetrics.trackDispatchQueue(dispatchScheduler::queued);
    this.reloadAction = new MeteredReloadAction(this::reloadConfig, metrics, clock);
    this.capture = openCapture(options, clock, metrics, persistence, () -> engine.get().config().server().capture());
    // v1 and v2 list alerts and groups through one service; only their JSON differs.
    AlertQueries queries = new AlertQueries(store, () -> engine.get()::judge, this::groups, clock);
    this.http = new HttpApi(
        store,
        new AlertmanagerWebhookParser(clock),
        new PrometheusPushParser(clock, () -> engine.get().config().global().resolveTimeout()),
        metrics,
        () -> engine.get().config().server(),
        () -> engine.get() != null,
        reloadAction,
        this::onAccepted,
        clock)
        .withSilences(new SilenceHandlers(silences, clock,
            draft -> SilenceReferences.problems(draft, engine.get().config())))
        .withRunbooks(new RunbookRoutes(() -> engine.get().runbooks()))
        .withQueries(queries)
        .withV2(new V2Api(queries, silences, () -> engine.get().view(), this::statusFacts, clock))
        .withAcks(new AckHandlers(acks), acks::current)
        .withActionPages(new ActionPages(actionTokens, acks, groups, clock))
        .withPagerDutyWebhook(new PagerDutyWebhookEndpoint(new IncidentWebhooks(
            () -> pagerDutySigningSecrets(engine.get().config()), this::groupByIncidentKey, acks)))
        .withSlackInteractions(new SlackInteractions(() -> engine.get().config().slackSigningSecrets(), acks, this::group,
            silences, clock))
        .withReceiverTests(new ReceiverTestHandler(
            new ReceiverTests(integrations, () -> engine.get().config(), options.dryRun(), clock, metrics)::test))
        .withExplain(observer.explain())
        .withWebConfig(web::get)
        .withConfigDiff(this::diffConfig)
        .withConfigSources(() -> maskedSources.get().join())
        .withConfigChanges(() -> Optional.ofNullable(lastChanges.get()))
        .withReadiness(persistence::notReadyBecause)
        .withHeartbeats(new HeartbeatHandlers(heartbeats))
        .withUi(new WebUi(store, new Backend(), silences, observer.explain(), observer.deliveries(),
            slackRateLimiter, clock, acks))
        .withTracing(tracing);
    if (capture != null) {
      http.withCapture(capture);
    }
    tracing.apply(exportTarget(initial.config()));
  }

  /**
   * The {@code tracing:} section when it sets an endpoint, else the {@code OTEL_EXPORTER_OTLP_*}
   * variables, else none.
   *
   * @throws IllegalArgumentException naming a variable alert-router cannot honour
   */
  private Optional<ExportTarget> exportTarget(RouterConfig config) {
    Optional<ExportTarget> configured = ExportTarget.of(config.tracing());
    return configured.isPresent() ? configured : new OtlpEnvironment(environment).target();
  }

  /** The tracer, for tests that flush its exports. */
  Tracing tracing() {
    return tracing;
  }

  /** Every PagerDuty webhook signing secret configured: the global one and each integration's. */
  private static List<Secret> pagerDutySigningSecrets(RouterConfig config) {
    List<Secret> secrets = new java.util.ArrayList<>();
    config.global().pagerdutyWebhookSigningSecret().ifPresent(secrets::add);
    for (ReceiverConfig receiver : config.receivers()) {
      receiver.pagerDutyConfigs().forEach(c -> c.webhookSigningSecret().ifPresent(secrets::add));
    }
    return secrets;
  }

  /** The group held now whose PagerDuty dedup key (the SHA-256 of its key) is {@code incidentKey}. */
  private Optional<String> groupByIncidentKey(String incidentKey) {
    return groups().stream().map(GroupSnapshot::groupKey)
        .filter(key -> PagerDutyNotifier.dedupKey(key).equals(incidentKey)).findFirst();
  }

  private Optional<Ack> currentAck(String groupKey) {
    return acks.current(groupKey);
  }

  private Optional<AckedGroup> group(String groupKey) {
    awaitStartupReplay();
    return engine.get().group(groupKey, store::get, clock.instant());
  }

  /** The groups held now, once the stored alerts are in them. */
  private List<GroupSnapshot> groups() {
    awaitStartupReplay();
    return engine.get().groups();
  }

  /**
   * Right after a restart the groups are rebuilt from the stored alerts after intake opens (see
   * startServing): what lists or looks up groups waits for that (about a second for 20,000 alerts)
   * instead of finding them missing, and answers 503 if it takes longer than {@link
   * #STARTUP_REPLAY_WAIT}.
   */
  private void awaitStartupReplay() {
    try {
      if (!startupReplay.awaitReplayed(STARTUP_REPLAY_WAIT)) {
        throw new StoreUnavailableException("the stored alerts are still being put back into their groups");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while the stored alerts were put back into their groups", e);
    }
  }

  /** What the web UI reads: the current engine's own parts, looked up per call (a reload swaps them). */
  private final class Backend implements UiBackend {
    @Override
    public RouterConfig config() {
      return engine.get().config();
    }

    @Override
    public RouteTree routes() {
      return engine.get().tree();
    }

    @Override
    public Labels classify(Labels labels) {
      return engine.get().classify(labels);
    }

    @Override
    public String team(Labels classified) {
      return engine.get().team(classified);
    }

    @Override
    public Optional<InhibitionReason> inhibitedBy(Labels classified, Instant now) {
      return engine.get().inhibitor().isInhibited(classified, now);
    }

    @Override
    public TimeIntervals timeIntervals() {
      return engine.get().timeIntervals();
    }

    @Override
    public List<GroupSnapshot> groups() {
      return App.this.groups();
    }

    @Override
    public RunbookResolver runbooks() {
      return engine.get().runbooks();
    }

    @Override
    public CandidateDiff diff(String candidateYaml) {
      return compare(candidateYaml.getBytes(StandardCharsets.UTF_8), null);
    }

    @Override
    public Optional<String> reload() {
      return reloadAction.reload() instanceof ReloadOutcome.Failure failure
          ? Optional.of(failure.error())
          : Optional.empty();
    }

    @Override
    public Optional<String> flapping(Fingerprint fingerprint) {
      return engine.get().flapping(fingerprint).map(FlapStatus::describe);
    }

    @Override
    public StatusFacts status() {
      Instant now = clock.instant();
      Map<String, String> figures = new LinkedHashMap<>();
      store.countByStatus(now).forEach((status, count) -> figures.put("alerts " + status.wireName(), Long.toString(count)));
      for (SilenceState state : SilenceState.values()) {
        figures.put("silences " + state.wireName(), Integer.toString(silences.list(state).size()));
      }
      figures.put("aggregation groups", Integer.toString(engine.get().activeGroups()));
      figures.put("explain stories", Long.toString(observer.explain().size()));
      WriterStats stats = persistence.stats();
      figures.put("transactions", Long.toString(stats.transactions()));
      figures.put("writes", Long.toString(stats.writes()));
      figures.put("writes without a transaction", Long.toString(stats.writesWithoutTransaction()));
      figures.put("failed writes", Long.toString(stats.failedWrites()));
      figures.put("queued writes", Integer.toString(stats.queued()));
      figures.put("deferred alert extensions", Integer.toString(stats.deferredAlerts()));
      return new StatusFacts(Version.current(), startedAt, configLoadedAt.get(), options.config().toString(),
          options.runbooks().map(p -> p.toAbsolutePath().normalize().toString()).orElse("none (--runbooks not given)"),
          lastReloadSucceeded, persistence.toString(),
          options.sharedStore().isPresent() ? options.replica() : "the only one (SQLite)", figures,
          persistence.leases(STATUS_LEASES).stream()
              .map(l -> new StatusFacts.Lease(l.groupKey(), l.owner(), l.expiresAt()))
              .toList());
    }
  }

  /** {@link #compare} as {@code POST /api/v1/config/diff} answers it. */
  private ConfigDiffAction.Outcome diffConfig(byte[] yaml, String sinceText) {
    CandidateDiff result = compare(yaml, sinceText);
    return new ConfigDiffAction.Outcome(result.status(),
        result.diff().map(DiffReport::json).orElseGet(() -> String.join("\n", result.problems())));
  }

  /**
   * Replays this server's capture through the running configuration and a candidate, one diff at a
   * time (each costs two replays of CPU on a request thread).
   */
  private CandidateDiff compare(byte[] yaml, String sinceText) {
    if (!diffs.tryAcquire()) {
      return CandidateDiff.refused(429, List.of("another config diff is running; retry later"));
    }
    Path tmp = null;
    try {
      Instant since = Since.parse(sinceText, clock.instant());
      tmp = Files.createTempDirectory("alert-router-diff");
      Path candidateFile = Files.write(tmp.resolve("candidate.yml"), yaml);
      Replayer candidate;
      try {
        candidate = Replayer.load(candidateFile, environment);
      } catch (ConfigException e) {
        return CandidateDiff.refused(400, e.errors().stream()
            .map(error -> error.replace(candidateFile.toString(), CandidateDiff.CANDIDATE)).toList());
      }
      Replayer baseline = Replayer.of(engine.get().loaded());
      if (capture == null) {
        return CandidateDiff.refused(503, List.of("this server keeps no capture (see its log)"));
      }
      capture.flush();
      CaptureSource source = each -> capture.storage().read(since, each);
      return CandidateDiff.compared(
          ReplayDiff.of(baseline.run(source, Replayer.DEFAULT_TAIL), candidate.run(source, Replayer.DEFAULT_TAIL)));
    } catch (IllegalArgumentException e) {
      return CandidateDiff.refused(400, List.of(e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CandidateDiff.refused(503, List.of("interrupted"));
    } finally {
      diffs.release();
      deleteQuietly(tmp);
    }
  }

  /** What {@code GET /api/v1/config/sources} serves for {@code loaded}; nothing when a file went away meanwhile. */
  private Map<String, String> maskSources(LoadedConfig loaded) {
    try {
      return MaskedSources.of(options.config(), loaded.config().sources());
    } catch (RuntimeException e) {
      // Never thrown on: a request waiting for the start's sources would wait for ever.
      LOG.warn("the configuration sources cannot be served: {}", e.getMessage());
      return Map.of();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("temporary folder {} left: {}", dir, e.toString());
    }
  }

  /**
   * The capture table of a shared PostgreSQL store, so every replica's intake is in one capture;
   * else the capture folder under {@code --data}.
   */
  private static CaptureWriter openCapture(AppOptions options, Clock clock, RouterMetrics metrics,
      Persistence persistence, Supplier<CaptureSettings> settings) {
    try {
      Optional<CaptureStorage> shared = persistence.sharedCapture(settings);
      CaptureStorage storage = shared.isPresent() ? shared.get() : CaptureSegments.open(options.data(), settings, clock);
      metrics.trackCaptureSize(storage::sizeBytes);
      return new CaptureWriter(storage, CAPTURE_QUEUE, record -> metrics.captureDropped());
    } catch (IOException | UncheckedIOException e) {
      // A capture is an aid: a data folder that cannot hold it (read-only) must not stop routing.
      LOG.warn("intake is not captured: cannot open the capture folder under {}: {}", options.data(), e.toString());
      return null;
    }
  }

  /**
   * Loads the configuration, builds everything and starts serving.
   *
   * @throws ConfigException naming every configuration error; nothing is started then
   */
  public static App start(AppOptions options, Clock clock, Map<String, String> environment) throws ConfigException {
    // The read of the stored alerts starts once intake is open: on a machine with few cores it
    // would otherwise compete with the wiring and Jetty's start (and their collections) for the CPU,
    // delaying the first answer it is meant to hasten (bench/restart.sh).
    CompletableFuture<Void> intakeOpen = new CompletableFuture<>();
    App app = start(options, clock, environment,
        runnable -> intakeOpen.thenRun(() -> daemonThreads("read-alerts").newThread(runnable).start()));
    intakeOpen.complete(null);
    return app;
  }

  /** {@link #start}, with SQLite's stored alerts read by {@code alertReader} (tests hold it back). */
  static App start(AppOptions options, Clock clock, Map<String, String> environment, Executor alertReader)
      throws ConfigException {
    StartupTimes times = StartupTimes.begin();
    RouterMetrics metrics = new RouterMetrics(Version.current());
    // SQLite's data folder is this router's alone: it opens while the metrics, the templates and the
    // configuration load, since a restart waits for all of them (bench/README.md, "Memory and
    // restart"); its alerts are read later, once intake is open. A shared PostgreSQL store is not
    // touched before the configuration is known to be good: opening it takes the replica's name and
    // may migrate a schema other replicas use.
    CompletableFuture<Persistence> opening = options.sharedStore().isPresent() ? null : CompletableFuture.supplyAsync(
        () -> openPersistence(options, clock, metrics, alertReader),
        runnable -> daemonThreads("open-store").newThread(runnable).start());
    ConfigLoader loader = new ConfigLoader(environment);
    DecisionMetrics decisionMetrics = new DecisionMetrics(metrics);
    Templates templates = new Templates((receiver, integration, template, reason) -> decisionMetrics.templateFellBack(integration));
    LoadedConfig loaded;
    try {
      loaded = LoadedConfig.load(loader, templates, options);
    } catch (ConfigException | RuntimeException e) {
      closeOnceOpen(opening);
      throw e;
    }
    loaded.warnings().forEach(w -> LOG.warn("config: {}", w));
    logRunbooks(options, loaded);
    times.mark("configuration");
    Persistence persistence = opening == null ? openPersistence(options, clock, metrics, alertReader) : opened(opening);
    times.mark("store, after the configuration");
    App app;
    try {
      app = new App(options, clock, loader, metrics, decisionMetrics, templates, persistence, loaded, environment);
    } catch (IllegalArgumentException e) {
      persistence.close();
      // A notifier refused a setting it cannot honour; the message names file and line.
      throw new ConfigException(List.of(e.getMessage()));
    }
    times.mark("wiring");
    app.startServing();
    times.mark("intake open");
    // SQLite's stored alerts are usually still being read here; their own line says when they are in.
    LOG.info("started: {}{}", times, persistence.storedAlerts().isDone() ? "" : "; the stored alerts are being read");
    return app;
  }

  /** A bad configuration starts nothing: the store opened meanwhile is closed, its lock released, before start fails. */
  private static void closeOnceOpen(CompletableFuture<Persistence> opening) {
    if (opening == null) {
      return;
    }
    try {
      opened(opening).close();
    } catch (RuntimeException e) {
      // The configuration's errors are what start reports; the store's own is only logged.
      LOG.warn("the store did not open either: {}", e.getMessage());
    }
  }

  /** The store {@code opening} opens, or the exception that refused it, as {@link #openPersistence} throws it. */
  private static Persistence opened(CompletableFuture<Persistence> opening) {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * SQLite under {@code --data}, or the PostgreSQL database several replicas share.
   *
   * @throws StoreUnavailableException when the database cannot be opened
   * @throws IllegalStateException when another router holds the data folder
   */
  private static Persistence openPersistence(AppOptions options, Clock clock, RouterMetrics metrics,
      Executor alertReader) {
    StaleAlertListener stale = (copy, held) -> metrics.alertStale();
    if (options.sharedStore().isPresent()) {
      LOG.info("state in the shared PostgreSQL store as replica {}", options.replica());
      return Persistence.openJdbc(options.sharedStore().get(), options.replica(), clock, stale);
    }
    LOG.info("state in {}", options.data().toAbsolutePath());
    // Intake opens before the stored alerts are read (alertReader reads them): what it accepts
    // meanwhile is kept durably, unmerged, and merged once they are in (Persistence.storedAlerts).
    return Persistence.open(options.data(), clock, stale, alertReader);
  }

  /** This replica for {@code GET /api/v2/status}: its name, its address, when it started, its build. */
  private V2StatusFacts statusFacts() {
    String address = options.host() + ":" + http.port();
    // Peers sharing PostgreSQL are known by name only (from their group leases): their address is not stored.
    java.util.List<V2StatusFacts.Peer> peers = new java.util.ArrayList<>();
    peers.add(new V2StatusFacts.Peer(options.replica(), address));
    try {
      persistence.liveReplicas(clock.instant()).stream()
          .filter(r -> !r.equals(options.replica()))
          .forEach(r -> peers.add(new V2StatusFacts.Peer(r, "")));
    } catch (StoreUnavailableException e) {
      LOG.warn("status: the shared store did not say which replicas live: {}", e.getMessage());
    }
    return new V2StatusFacts(options.replica(), peers, startedAt,
        new V2StatusFacts.VersionInfo(Version.current(), "unknown", "unknown", "unknown", "unknown",
            "n/a (Java " + Runtime.version() + ")"));
  }

  private void startServing() {
    persistence.schedulePruning(dispatchScheduler, MAINTENANCE_PERIOD, () -> new Retention(
        engine.get().config().server().resolvedRetention(), NOTIFICATION_LOG_RETENTION, SILENCE_RETENTION));
    persistence.startPeerSync(dispatchScheduler, PEER_SYNC_PERIOD,
        alerts -> startupReplay.accept(Upserted.allNews(List.copyOf(alerts))));
    persistence.scheduleCheckpoints(dispatchScheduler);
    // Replicas sharing a store learn the escalations their peers started (and take them over).
    maintenance.scheduleAtFixedRate(this::resumeEscalations, ESCALATION_SCAN_PERIOD.toSeconds(),
        ESCALATION_SCAN_PERIOD.toSeconds(), TimeUnit.SECONDS);
    heartbeats.configure(engine.get().config().heartbeats());
    maintenanceSilences.apply(engine.get().config().maintenance());
    silenceReminders.start();
    maintenance.scheduleAtFixedRate(this::collectGarbage, MAINTENANCE_PERIOD.toSeconds(), MAINTENANCE_PERIOD.toSeconds(), TimeUnit.SECONDS);
    http.start(options.host(), options.port());
    // Intake is open before the dispatcher knows the stored alerts: a restart answers pushes at
    // once, and what they bring reaches the dispatcher after the replay, in order.
    RoutingEngine first = engine.get();
    maintenance.execute(() -> startupReplay.replay(() -> replayStored(first)));
    // The shipped message templates compile once started, off a restart's path, before a flush needs them.
    maintenance.execute(templates::compileDefaults);
    CompletableFuture<Map<String, String>> startSources = maskedSources.get();
    LoadedConfig startConfig = first.loaded();
    daemonThreads("mask-sources").newThread(() -> startSources.complete(maskSources(startConfig))).start();
    String access = AccessGuard.describe(engine.get().config().server(), web.get());
    if (access.startsWith(AccessGuard.OPEN)) {
      LOG.warn("{}", access);
    } else {
      LOG.info("{}", access);
    }
    LOG.info("alert-router {} serving {} on {}:{}{}", Version.current(), options.config(), options.host(), http.port(),
        options.dryRun() ? " (dry-run: notifications are logged, not sent)" : "");
  }

  private void resumeEscalations() {
    try {
      engine.get().resumeEscalations();
    } catch (RuntimeException e) {
      LOG.error("arming escalations failed", e);
    }
  }

  private void collectGarbage() {
    try {
      engine.get().collectGarbage(clock.instant());
    } catch (RuntimeException e) {
      LOG.error("maintenance failed", e);
    }
  }

  private RoutingEngine.Services services() {
    return new RoutingEngine.Services(
        clock, silences, notificationLog, dispatchScheduler, fanoutExecutor,
        integrations,
        observer,
        persistence.flushGuard(),
        acks,
        persistence.escalations(),
        store::get,
        tracing);
  }

  private void onAccepted(Upserted upserted) {
    // On the request thread, inside the intake span: the flushes of these alerts continue its trace.
    tracing.intakeSpans().remember(upserted.stored(), Span.current().getSpanContext());
    observer.received(upserted);
    startupReplay.accept(upserted);
    heartbeats.observe(upserted.stored());
  }

  /**
   * Feeds the engine of the start what the store held then (a reload meanwhile replayed its own),
   * then what intake accepted while the stored alerts were being read. Runs inside {@link
   * StartupReplay#replay}, so whatever intake stored after that (held by {@code startupReplay})
   * follows. Why each alert reaches the dispatcher once and in order: until the journal is read,
   * every upsert is written unmerged to {@code intake_pending} and hands nothing on; the
   * transaction that applies those rows is also the one after which upserts merge and hand on as
   * usual. So {@code read} is the store before any of intake's alerts, {@code accepted} exactly the
   * batches accepted before that transaction, in order, and everything after it reaches {@code
   * startupReplay} through {@link #onAccepted}, which passes it on only after this returns.
   */
  private void replayStored(RoutingEngine first) {
    StoredAlerts stored;
    try {
      stored = persistence.storedAlerts().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      LOG.error("the stored alerts could not be read, so groups do not resume (see the log above)");
      return;
    }
    try {
      if (engine.get() == first) {
        first.replay(stored.read());
        first.resumeEscalations();
      }
      LOG.info("replayed {} stored alerts into the dispatcher", stored.read().size());
      // A reload during the read replayed these already (its list waited for them); a second copy
      // of an alert changes nothing in its group.
      for (Upserted accepted : stored.accepted()) {
        observer.received(accepted);
        engine.get().accept(accepted);
        heartbeats.observe(accepted.stored());
      }
    } catch (RuntimeException e) {
      LOG.error("replaying the stored alerts failed", e);
    }
  }

  /** Reloads the configuration; on failure the running one stays and the outcome says why. */
  public ReloadOutcome reload() {
    return reloadAction.reload();
  }

  private ReloadOutcome reloadConfig() {
    LoadedConfig loaded;
    try {
      loaded = LoadedConfig.load(loader, templates, options);
    } catch (ConfigException e) {
      String errors = String.join("\n", e.errors());
      LOG.error("reload failed, keeping the running configuration:\n{}", errors);
      lastReloadSucceeded = false;
      return ReloadOutcome.failure(errors);
    }
    loaded.warnings().forEach(w -> LOG.warn("config: {}", w));
    logRunbooks(options, loaded);
    Optional<ExportTarget> traces;
    try {
      traces = exportTarget(loaded.config());
    } catch (IllegalArgumentException e) {
      LOG.error("reload failed, keeping the running configuration:\n{}", e.getMessage());
      lastReloadSucceeded = false;
      return ReloadOutcome.failure(e.getMessage());
    }
    List<ConfigChange> changes = ConfigChanges.between(engine.get().config(), loaded.config());
    tracing.apply(traces);
    RoutingEngine fresh = RoutingEngine.build(loaded, services());
    RoutingEngine old = engine.getAndSet(fresh);
    maskedSources.set(CompletableFuture.completedFuture(maskSources(loaded)));
    lastChanges.set(new ConfigChangeReport(clock.instant(), changes));
    logChanges(changes);
    old.close();
    web.set(loaded.web());
    http.reloadTls();
    // The new dispatcher starts empty: replay what the store holds, as Alertmanager does on reload.
    // The notification log outlives both engines, so nothing already sent is sent again.
    fresh.replay(store.list(List.of()));
    fresh.resumeEscalations();
    heartbeats.configure(loaded.config().heartbeats());
    maintenanceSilences.apply(loaded.config().maintenance());
    configLoadedAt.set(clock.instant());
    lastReloadSucceeded = true;
    LOG.info("configuration reloaded from {}", options.config());
    return ReloadOutcome.success();
  }

  /** One line per change (secrets masked), so the log tells what a reload did. */
  private static void logChanges(List<ConfigChange> changes) {
    if (changes.isEmpty()) {
      LOG.info("reload: the configuration is unchanged");
      return;
    }
    LOG.info("reload: {} changes", changes.size());
    changes.forEach(c -> LOG.info("reload: {}", c));
  }

  /** Says where runbook links come from, so a missing folder is not found out from a 3 a.m. page. */
  private static void logRunbooks(AppOptions options, LoadedConfig loaded) {
    if (options.runbooks().isPresent()) {
      LOG.info("loaded {} runbooks from {}", loaded.runbooks().runbooks().all().size(),
          options.runbooks().get().toAbsolutePath().normalize());
    } else {
      LOG.info("no runbooks folder (--runbooks, or runbooks/ in the working folder): runbook links come from {}",
          loaded.config().runbooks().urlTemplate().map(t -> "runbooks.url_template").orElse("the alerts' own annotations only"));
    }
  }

  public int port() {
    return http.port();
  }

  public RouterMetrics metrics() {
    return metrics;
  }

  ServerSettings serverSettings() {
    return engine.get().config().server();
  }

  /** Stops intake first (in-flight requests finish), then the dispatcher, then the workers. */
  @Override
  public void close() {
    LOG.info("stopping");
    http.stop();
    if (capture != null) {
      capture.close();
    }
    heartbeats.close();
    silenceReminders.close();
    engine.get().close();
    maintenance.shutdownNow();
    try {
      dispatchScheduler.shutdown(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fanoutExecutor.shutdown();
    try {
      if (!fanoutExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("notifications still in flight at shutdown were abandoned");
        fanoutExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Last: the dispatcher and deliveries above may still record what they sent.
    persistence.close();
    tracing.close();
    LOG.info("stopped");
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, "alert-router-" + name);
      t.setDaemon(true);
      return t;
    };
  }
}
