package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.capture.Since;
import dev.tta.alertrouter.config.CaptureSettings;
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
import dev.tta.alertrouter.http.AckHandlers;
import dev.tta.alertrouter.http.ConfigDiffAction;
import dev.tta.alertrouter.http.HttpApi;
import dev.tta.alertrouter.http.MeteredReloadAction;
import dev.tta.alertrouter.http.ReceiverTestHandler;
import dev.tta.alertrouter.http.ReloadAction;
import dev.tta.alertrouter.http.ReloadOutcome;
import dev.tta.alertrouter.http.RunbookRoutes;
import dev.tta.alertrouter.http.SilenceHandlers;
import dev.tta.alertrouter.http.auth.AccessGuard;
import dev.tta.alertrouter.http.v2.V2Api;
import dev.tta.alertrouter.http.v2.V2StatusFacts;
import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.mute.InhibitionReason;
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
import dev.tta.alertrouter.persistence.WriterStats;
import dev.tta.alertrouter.query.AlertQueries;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final Map<String, String> environment;
  private final AtomicReference<ConfigChangeReport> lastChanges = new AtomicReference<>();
  private final java.util.concurrent.Semaphore diffs = new java.util.concurrent.Semaphore(1);
  private final StartupReplay startupReplay = new StartupReplay(upserted -> engine.get().accept(upserted));
  private List<Alert> storedAtStart;

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
    this.notificationLog = persistence.notificationLog();
    this.dispatchScheduler = new ExecutorScheduler("dispatch", Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.fanoutExecutor = Executors.newCachedThreadPool(daemonThreads("notify"));
    this.maintenance = Executors.newSingleThreadScheduledExecutor(daemonThreads("maintenance"));
    this.observer = new DecisionObserver(decisionMetrics, new ExplainRecorder(options.explainCacheSize()),
        new DecisionLog(options.logFormat(), System.out), clock);
    this.slackRateLimiter = new RateLimiter(clock, Duration.ofSeconds(1), 1);
    this.integrations = new Integrations(options.externalUrl(), DeliveryRuntime.system(observer, options.dryRun(),
            ConcurrencyLimits.perReceiver(options.maxInFlightPerReceiver())),
        templates, new PersistentSlackMessageStore(persistence.messageReferences()),
        slackRateLimiter, new RateLimiter(clock, Duration.ofSeconds(1), 1));
    this.startedAt = clock.instant();
    // Groups are looked up in the engine running when asked, so a reload does not strand acknowledgements.
    this.acks = new Acknowledgements(persistence.acks(),
        groupKey -> engine.get().group(groupKey, store::get, clock.instant()), observer, clock);
    this.engine.set(RoutingEngine.build(initial, services()));
    this.web.set(initial.web());
    this.configLoadedAt.set(clock.instant());
    // Resume where the last run stopped: the groups are rebuilt from the stored alerts (replayed
    // once intake is open, see startServing), and the persisted notification log keeps them from
    // notifying again what was already sent.
    this.storedAtStart = store.list(List.of());
    metrics.configLoaded(clock.instant());
    metrics.trackStoredAlerts(() -> store.countByStatus(clock.instant()));
    decisionMetrics.trackAggregationGroups(() -> engine.get().activeGroups());
    decisionMetrics.trackDispatchQueue(dispatchScheduler::queued);
    this.reloadAction = new MeteredReloadAction(this::reloadConfig, metrics, clock);
    this.capture = openCapture(options, clock, metrics, () -> engine.get().config().server().capture());
    // v1 and v2 list alerts and groups through one service; only their JSON differs.
    AlertQueries queries = new AlertQueries(store, () -> engine.get()::judge, () -> engine.get().groups(), clock);
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
        .withSilences(new SilenceHandlers(silences, clock))
        .withRunbooks(new RunbookRoutes(() -> engine.get().runbooks()))
        .withQueries(queries)
        .withV2(new V2Api(queries, silences, () -> engine.get().view(), this::statusFacts, clock))
        .withAcks(new AckHandlers(acks), acks::current)
        .withReceiverTests(new ReceiverTestHandler(
            new ReceiverTests(integrations, () -> engine.get().config(), options.dryRun(), clock, metrics)::test))
        .withExplain(observer.explain())
        .withWebConfig(web::get)
        .withConfigDiff(this::diffConfig)
        .withConfigChanges(() -> Optional.ofNullable(lastChanges.get()))
        .withUi(new WebUi(store, new Backend(), silences, observer.explain(), observer.deliveries(),
            slackRateLimiter, clock));
    if (capture != null) {
      http.withCapture(capture);
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
      return engine.get().groups();
    }

    @Override
    public RunbookResolver runbooks() {
      return engine.get().runbooks();
    }

    @Override
    public Optional<String> reload() {
      return reloadAction.reload() instanceof ReloadOutcome.Failure failure
          ? Optional.of(failure.error())
          : Optional.empty();
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

  /**
   * Replays this server's capture through the running configuration and a candidate, one diff at a
   * time (each costs two replays of CPU on a request thread).
   */
  private ConfigDiffAction.Outcome diffConfig(byte[] yaml, String sinceText) {
    if (!diffs.tryAcquire()) {
      return new ConfigDiffAction.Outcome(429, "another config diff is running; retry later");
    }
    Path tmp = null;
    try {
      Instant since = Since.parse(sinceText, clock.instant());
      tmp = Files.createTempDirectory("alert-router-diff");
      Path candidateFile = Files.write(tmp.resolve("candidate.yml"), yaml);
      Replayer candidate = Replayer.load(candidateFile, environment);
      Replayer baseline = Replayer.of(engine.get().loaded());
      if (capture == null) {
        return new ConfigDiffAction.Outcome(503, "this server keeps no capture (see its log)");
      }
      capture.flush();
      CaptureSource source = each -> capture.segments().read(since, each);
      ReplayDiff diff = ReplayDiff.of(baseline.run(source, Replayer.DEFAULT_TAIL), candidate.run(source, Replayer.DEFAULT_TAIL));
      return new ConfigDiffAction.Outcome(200, DiffReport.json(diff));
    } catch (ConfigException e) {
      return new ConfigDiffAction.Outcome(400, String.join("\n", e.errors()).replace(String.valueOf(tmp == null ? "" : tmp.resolve("candidate.yml")), "candidate"));
    } catch (IllegalArgumentException e) {
      return new ConfigDiffAction.Outcome(400, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConfigDiffAction.Outcome(503, "interrupted");
    } finally {
      diffs.release();
      deleteQuietly(tmp);
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
   * The capture folder under {@code --data}, also with a shared PostgreSQL store: each replica keeps
   * the payloads it took.
   */
  private static CaptureWriter openCapture(AppOptions options, Clock clock, RouterMetrics metrics,
      Supplier<CaptureSettings> settings) {
    try {
      CaptureSegments segments = CaptureSegments.open(options.data(), settings, clock);
      metrics.trackCaptureSize(segments::sizeBytes);
      return new CaptureWriter(segments, CAPTURE_QUEUE, record -> metrics.captureDropped());
    } catch (IOException | UncheckedIOException e) {
      // A capture is an aid: a data folder that cannot hold it (read-only, with a shared store) must not stop routing.
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
    ConfigLoader loader = new ConfigLoader(environment);
    RouterMetrics metrics = new RouterMetrics(Version.current());
    DecisionMetrics decisionMetrics = new DecisionMetrics(metrics);
    Templates templates = new Templates((receiver, integration, template, reason) -> decisionMetrics.templateFellBack(integration));
    LoadedConfig loaded = LoadedConfig.load(loader, templates, options);
    loaded.warnings().forEach(w -> LOG.warn("config: {}", w));
    logRunbooks(options, loaded);
    Persistence persistence = openPersistence(options, clock, metrics);
    App app;
    try {
      app = new App(options, clock, loader, metrics, decisionMetrics, templates, persistence, loaded, environment);
    } catch (IllegalArgumentException e) {
      persistence.close();
      // A notifier refused a setting it cannot honour; the message names file and line.
      throw new ConfigException(List.of(e.getMessage()));
    }
    app.startServing();
    return app;
  }

  /**
   * SQLite under {@code --data}, or the PostgreSQL database several replicas share.
   *
   * @throws StoreUnavailableException when the database cannot be opened
   * @throws IllegalStateException when another router holds the data folder
   */
  private static Persistence openPersistence(AppOptions options, Clock clock, RouterMetrics metrics) {
    StaleAlertListener stale = (copy, held) -> metrics.alertStale();
    if (options.sharedStore().isPresent()) {
      LOG.info("state in the shared PostgreSQL store as replica {}", options.replica());
      return Persistence.openJdbc(options.sharedStore().get(), options.replica(), clock, stale);
    }
    LOG.info("state in {}", options.data().toAbsolutePath());
    return Persistence.open(options.data(), clock, stale);
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
    maintenance.scheduleAtFixedRate(this::collectGarbage, MAINTENANCE_PERIOD.toSeconds(), MAINTENANCE_PERIOD.toSeconds(), TimeUnit.SECONDS);
    http.start(options.host(), options.port());
    // Intake is open before the dispatcher knows the stored alerts: a restart answers pushes at
    // once, and what they bring reaches the dispatcher after the replay, in order.
    RoutingEngine first = engine.get();
    maintenance.execute(() -> startupReplay.replay(() -> replayStored(first)));
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
        store::get);
  }

  private void onAccepted(Upserted upserted) {
    observer.received(upserted);
    startupReplay.accept(upserted);
  }

  /** Feeds the engine of the start what the store held then (a reload meanwhile replayed its own). */
  private void replayStored(RoutingEngine first) {
    List<Alert> stored = storedAtStart;
    storedAtStart = null;
    try {
      if (engine.get() == first) {
        first.accept(stored);
        first.resumeEscalations();
      }
      LOG.info("replayed {} stored alerts into the dispatcher", stored.size());
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
    List<ConfigChange> changes = ConfigChanges.between(engine.get().config(), loaded.config());
    RoutingEngine fresh = RoutingEngine.build(loaded, services());
    RoutingEngine old = engine.getAndSet(fresh);
    lastChanges.set(new ConfigChangeReport(clock.instant(), changes));
    logChanges(changes);
    old.close();
    web.set(loaded.web());
    http.reloadTls();
    // The new dispatcher starts empty: replay what the store holds, as Alertmanager does on reload.
    // The notification log outlives both engines, so nothing already sent is sent again.
    fresh.accept(store.list(List.of()));
    fresh.resumeEscalations();
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
