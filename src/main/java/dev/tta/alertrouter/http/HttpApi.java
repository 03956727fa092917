package dev.tta.alertrouter.http;

import dev.tta.alertrouter.tracing.IntakeSpan;
import dev.tta.alertrouter.tracing.Tracing;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.config.ConfigChangeReport;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.TlsServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.http.auth.AccessGuard;
import dev.tta.alertrouter.http.auth.TlsConnector;
import dev.tta.alertrouter.http.v2.V2Api;
import dev.tta.alertrouter.intake.AlertSource;
import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.InvalidReason;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import dev.tta.alertrouter.metrics.Exposition;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.query.AlertJudge;
import dev.tta.alertrouter.query.AlertQueries;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StoreUnavailableException;
import dev.tta.alertrouter.store.Upserted;
import dev.tta.alertrouter.ui.ActionPages;
import dev.tta.alertrouter.ui.WebUi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * alert-router's HTTP surface: intake, the alert list, health, readiness, metrics and reload, and
 * (added by the composition root) silences, groups, runbooks, explain and Alertmanager's v2 API.
 * Built once by the composition root; {@link #start} binds, {@link #stop} drains in-flight
 * requests (new ones get 503, which senders retry) and stops.
 */
public final class HttpApi {
  /** How long {@link #stop()} lets in-flight requests finish. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration IDLE_CLOSE_ON_STOP = Duration.ofMillis(50);
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String UNMATCHED = "unmatched";

  private final AlertStore store;
  private final RouterMetrics metrics;
  private final Supplier<ServerSettings> settings;
  private final BooleanSupplier ready;
  private final ReloadAction reloadAction;
  private final Clock clock;
  private Supplier<WebConfig> web = WebConfig::none;
  private TlsConnector tls;
  private final IntakeEndpoint webhookIntake;
  private final IntakeEndpoint pushIntake;
  private SilenceHandlers silenceHandlers;
  private RunbookRoutes runbookRoutes;
  private AlertQueries queries;
  private boolean groupsEnabled;
  private V2Api v2;
  private AckHandlers ackHandlers;
  private SlackInteractions slackInteractions;
  private Function<String, Optional<Ack>> acks = groupKey -> Optional.empty();
  private ReceiverTestHandler receiverTests;
  private ExplainEndpoint explainEndpoint;
  private WebUi webUi;
  private ActionPages actionPages;
  private PagerDutyWebhookEndpoint pagerDutyWebhook;
  private volatile CaptureWriter captureWriter;
  private ConfigDiffAction configDiff;
  private ConfigChangesEndpoint configChanges;
  private Tracing tracing = Tracing.off();
  private ConfigSourcesEndpoint configSources;
  private volatile Supplier<Optional<String>> notReadyBecause = Optional::empty;
  private HeartbeatHandlers heartbeatHandlers;
  private Javalin app;

  /**
   * @param store where accepted alerts are merged
   * @param webhookParser reads {@code POST /api/v1/alertmanager}
   * @param pushParser reads {@code POST /api/v2/alerts}
   * @param metrics counts intake and requests, and serves {@code /metrics}
   * @param settings the current {@code server:} settings, read per request (a reload changes them)
   * @param ready true once a configuration is loaded ({@code /-/ready})
   * @param reloadAction {@code POST /-/reload}; wrap it in {@link MeteredReloadAction} once and share
   *     the wrapper with the SIGHUP handler
   * @param onAccepted given the stored (merged) alerts after each intake that stored any; called on
   *     request threads, concurrently; an exception makes the request answer 500 (the sender retries,
   *     and merging makes the retry harmless)
   * @param clock for each alert's status
   */
  public HttpApi(
      AlertStore store,
      AlertmanagerWebhookParser webhookParser,
      PrometheusPushParser pushParser,
      RouterMetrics metrics,
      Supplier<ServerSettings> settings,
      BooleanSupplier ready,
      ReloadAction reloadAction,
      Consumer<Upserted> onAccepted,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ready = Objects.requireNonNull(ready, "ready");
    this.reloadAction = Objects.requireNonNull(reloadAction, "reloadAction");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(webhookParser, "webhookParser");
    Objects.requireNonNull(pushParser, "pushParser");
    Objects.requireNonNull(onAccepted, "onAccepted");
    this.webhookIntake = new IntakeEndpoint(
        AlertSource.ALERTMANAGER, webhookParser::parse, store, metrics, settings, onAccepted, clock,
        IntakeEndpoint.Errors.OBJECT, this::capture);
    this.pushIntake = new IntakeEndpoint(
        AlertSource.PROMETHEUS, pushParser::parse, store, metrics, settings, onAccepted, clock,
        IntakeEndpoint.Errors.ALERTMANAGER_STRING, this::capture);
    this.queries = new AlertQueries(store, AlertJudge::none, List::of, clock);
    for (InvalidReason reason : InvalidReason.values()) {
      metrics.alertsInvalid(reason.metricLabel(), 0);
    }
  }

  /**
   * Reads {@code --web.config.file}'s settings: TLS (at {@link #start}, and at {@link #reloadTls}),
   * response headers and users (per request). Before {@link #start}.
   */
  public synchronized HttpApi withWebConfig(Supplier<WebConfig> current) {
    this.web = Objects.requireNonNull(current, "current");
    return this;
  }

  /** Serves {@code /api/v1/silences}; creating, updating and expiring need the responder role. Before {@link #start}. */
  public synchronized HttpApi withSilences(SilenceHandlers handlers) {
    this.silenceHandlers = Objects.requireNonNull(handlers, "handlers");
    return this;
  }

  /** Serves the runbook lookup API and pages. Before {@link #start}. */
  public synchronized HttpApi withRunbooks(RunbookRoutes routes) {
    this.runbookRoutes = Objects.requireNonNull(routes, "routes");
    return this;
  }

  /** Serves {@code GET /api/v1/groups} from the dispatcher's snapshots. Before {@link #start}. */
  public synchronized HttpApi withGroups(Supplier<List<GroupSnapshot>> groups) {
    return withQueries(new AlertQueries(store, AlertJudge::none, groups, clock));
  }

  /**
   * Lists alerts ({@code GET /api/v1/alerts}) and groups ({@code GET /api/v1/groups}) through the
   * service the v2 API shares. Before {@link #start}.
   */
  public synchronized HttpApi withQueries(AlertQueries shared) {
    this.queries = Objects.requireNonNull(shared, "shared");
    this.groupsEnabled = true;
    return this;
  }

  /** Serves Alertmanager's v2 API besides {@code POST /api/v2/alerts}. Before {@link #start}. */
  public synchronized HttpApi withV2(V2Api api) {
    this.v2 = Objects.requireNonNull(api, "api");
    return this;
  }

  /** Serves {@code POST /api/v1/receivers/{name}/test} (admin). Before {@link #start}. */
  public synchronized HttpApi withReceiverTests(ReceiverTestHandler handler) {
    this.receiverTests = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /**
   * Serves {@code POST|DELETE /api/v1/groups/{groupKey}/ack} (responder), and shows in
   * {@code GET /api/v1/groups} the acknowledgement {@code current} says holds each group. Before
   * {@link #start}.
   */
  public synchronized HttpApi withAcks(AckHandlers handlers, Function<String, Optional<Ack>> current) {
    this.ackHandlers = Objects.requireNonNull(handlers, "handlers");
    this.acks = Objects.requireNonNull(current, "current");
    return this;
  }

  /** Serves {@code POST /api/v1/slack/interactions}, authenticated by Slack's signature. Before {@link #start}. */
  public synchronized HttpApi withSlackInteractions(SlackInteractions interactions) {
    this.slackInteractions = Objects.requireNonNull(interactions, "interactions");
    return this;
  }

  /** Serves {@code GET /api/v1/alerts/{fingerprint}/explain} from the decision record. Before {@link #start}. */
  public synchronized HttpApi withExplain(ExplainRecorder recorder) {
    this.explainEndpoint = new ExplainEndpoint(recorder);
    return this;
  }

  /**
   * Serves the web UI at {@code /}: its pages read like the API (open), and its state changes go
   * through the same admin check as the silence API. Before {@link #start}.
   */
  public synchronized HttpApi withUi(WebUi ui) {
    this.webUi = Objects.requireNonNull(ui, "ui");
    return this;
  }

  /** Serves the pages of signed action links, {@code GET|POST /actions/{token}} (open: the token authorises). Before {@link #start}. */
  public synchronized HttpApi withActionPages(ActionPages pages) {
    this.actionPages = Objects.requireNonNull(pages, "pages");
    return this;
  }

  /** Serves {@code POST /api/v1/pagerduty/webhook} (open: PagerDuty's signature authorises). Before {@link #start}. */
  public synchronized HttpApi withPagerDutyWebhook(PagerDutyWebhookEndpoint endpoint) {
    this.pagerDutyWebhook = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * Captures every intake payload to {@code writer} while {@code server.capture.enabled}, and serves
   * {@code GET /api/v1/capture} (admin auth). Before {@link #start}.
   */
  public synchronized HttpApi withCapture(CaptureWriter writer) {
    this.captureWriter = Objects.requireNonNull(writer, "writer");
    return this;
  }

  /** Puts each intake request in a server span while {@code tracing} is on. Before {@link #start}. */
  public synchronized HttpApi withTracing(Tracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    return this;
  }

  /** Serves {@code POST /api/v1/config/diff} (admin auth). Before {@link #start}. */
  public synchronized HttpApi withConfigDiff(ConfigDiffAction action) {
    this.configDiff = Objects.requireNonNull(action, "action");
    return this;
  }

  /** Serves {@code GET /api/v1/config/changes}: what the last reload changed. Before {@link #start}. */
  public synchronized HttpApi withConfigChanges(Supplier<Optional<ConfigChangeReport>> last) {
    this.configChanges = new ConfigChangesEndpoint(Objects.requireNonNull(last, "last"));
    return this;
  }

  /**
   * Serves {@code GET /api/v1/config/sources} (admin auth): the configuration files in force, secrets
   * masked so that they still load. Before {@link #start}.
   */
  public synchronized HttpApi withConfigSources(Supplier<Map<String, String>> maskedFiles) {
    this.configSources = new ConfigSourcesEndpoint(Objects.requireNonNull(maskedFiles, "maskedFiles"));
    return this;
  }

  /** What else keeps {@code /-/ready} at 503 once a configuration is loaded (the store unreachable), and why. */
  public synchronized HttpApi withReadiness(Supplier<Optional<String>> notReadyBecause) {
    this.notReadyBecause = Objects.requireNonNull(notReadyBecause, "notReadyBecause");
    return this;
  }

  /** Serves {@code GET /api/v1/heartbeats} (viewer) and {@code POST /api/v1/heartbeats/{name}} (intake). Before {@link #start}. */
  public synchronized HttpApi withHeartbeats(HeartbeatHandlers handlers) {
    this.heartbeatHandlers = Objects.requireNonNull(handlers, "handlers");
    return this;
  }

  private void capture(CaptureRecord record) {
    CaptureWriter writer = captureWriter;
    if (writer != null && settings.get().capture().enabled()) {
      writer.offer(record);
    }
  }

  /** Binds {@code host:port} (port 0 picks a free one, see {@link #port()}) and serves. */
  public synchronized void start(String host, int port) {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    Optional<TlsServerSettings> initialTls = web.get().tls();
    tls = initialTls.map(TlsConnector::new).orElse(null);
    app = Javalin.create(config -> configure(config, host, port)).start(host, port);
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector c) {
        // An idle keep-alive connection has nothing to drain; without this Jetty waits a second
        // for each one before it stops.
        c.setShutdownIdleTimeout(IDLE_CLOSE_ON_STOP.toMillis());
      }
    }
    LOG.info("listening on {}:{}{}", host, app.port(), tls != null ? " (HTTPS)" : "");
  }

  /**
   * After a reload: the certificate, key and client CAs are read again (a renewed certificate takes
   * effect for new connections). Turning TLS on or off needs a restart.
   */
  public synchronized void reloadTls() {
    Optional<TlsServerSettings> now = web.get().tls();
    if (tls != null && now.isPresent()) {
      tls.reload(now.get());
    } else if ((tls != null) != now.isPresent()) {
      LOG.warn("tls_server_config was {}; restart to serve {}", tls != null ? "removed" : "added",
          now.isPresent() ? "HTTPS" : "plain HTTP");
    }
  }

  /** The bound port; only after {@link #start}. */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** Stops accepting, lets in-flight requests finish (up to {@link #STOP_TIMEOUT}), and stops. */
  public synchronized void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void configure(JavalinConfig config, String host, int port) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = settings.get().maxRequestBytes();
    config.http.prefer405over404 = true;
    config.jetty.modifyServer(server -> {
      // Jetty 12 waits for in-flight requests on stop only through a GracefulHandler; Javalin
      // nests its own handler inside the wrapper found here.
      server.setHandler(new GracefulHandler());
      server.setStopTimeout(STOP_TIMEOUT.toMillis());
      ErrorHandler errors = new ErrorHandler();
      errors.setShowStacks(false);
      errors.setShowCauses(false);
      server.setErrorHandler(errors);
    });
    if (tls != null) {
      config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
    }
    AccessGuard access = new AccessGuard(settings, web, metrics);
    config.routes.before(access::addHeaders);
    config.routes.beforeMatched(access::check);
    config.requestLogger.http((ctx, millis) ->
        metrics.httpRequest(methodLabel(ctx), handlerLabel(ctx), ctx.statusCode(), millis / 1000.0));

    IntakeSpan intakeSpan = new IntakeSpan(tracing);
    config.routes.post("/api/v1/alertmanager", intakeSpan.around("/api/v1/alertmanager", webhookIntake::handle));
    config.routes.post("/api/v2/alerts", intakeSpan.around("/api/v2/alerts", pushIntake::handle));
    config.routes.get("/api/v1/alerts", new AlertsEndpoint(queries)::handle);
    config.routes.get("/-/healthy", ctx -> ctx.result("OK"));
    config.routes.head("/-/healthy", ctx -> ctx.status(200));
    config.routes.get("/-/ready", this::readiness);
    config.routes.head("/-/ready", this::readiness);
    config.routes.get("/metrics", this::scrape);
    config.routes.post("/-/reload", this::reload);
    if (silenceHandlers != null) {
      silenceHandlers.register(config, UnaryOperator.identity(), RequestIdentity::of);
    }
    if (v2 != null) {
      v2.register(config, UnaryOperator.identity(), RequestIdentity::of);
    }
    if (runbookRoutes != null) {
      runbookRoutes.register(config);
    }
    if (groupsEnabled) {
      config.routes.get("/api/v1/groups", new GroupsEndpoint(queries, acks)::handle);
    }
    if (receiverTests != null) {
      receiverTests.register(config, UnaryOperator.identity());
    }
    if (ackHandlers != null) {
      ackHandlers.register(config, UnaryOperator.identity());
    }
    if (actionPages != null) {
      actionPages.register(config);
    }
    if (pagerDutyWebhook != null) {
      config.routes.post(PagerDutyWebhookEndpoint.PATH, pagerDutyWebhook::handle);
    }
    if (slackInteractions != null) {
      slackInteractions.register(config);
    }
    if (captureWriter != null) {
      config.routes.get(CaptureEndpoint.PATH, new CaptureEndpoint(captureWriter, clock)::handle);
    }
    if (configChanges != null) {
      config.routes.get(ConfigChangesEndpoint.PATH, configChanges::handle);
    }
    if (configSources != null) {
      config.routes.get(ConfigSourcesEndpoint.PATH, configSources::handle);
    }
    if (heartbeatHandlers != null) {
      heartbeatHandlers.register(config);
    }
    if (configDiff != null) {
      config.routes.post("/api/v1/config/diff", this::configDiff);
    }
    if (explainEndpoint != null) {
      config.routes.get(ExplainEndpoint.PATH, explainEndpoint::handle);
    }
    if (webUi != null) {
      // The access guard checks its forms as it checks the API (http/auth/Endpoints: silence forms need
      // responder, reload admin); /alerts/{fingerprint} answers the explain API's own JSON to
      // Accept: application/json.
      webUi.register(config, UnaryOperator.identity(), UnaryOperator.identity(), explainEndpoint != null
          ? explainEndpoint::handle
          : ctx -> Json.error(ctx, 404, "explain is not served"));
    }

    config.routes.exception(HttpResponseException.class, (e, ctx) ->
        Json.error(ctx, e.getStatus(), e.getStatus() == 404 ? "not found" : e.getMessage()));
    // A store outage is logged once by the store: acks, silences and the like answer 503 (retry), not 500.
    config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
      if (ctx.path().startsWith("/api/v2/")) {
        Json.reply(ctx, 503, "store unavailable; retry later");
      } else {
        Json.error(ctx, 503, "store unavailable; retry later");
      }
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), handlerLabel(ctx), e);
      if (ctx.path().startsWith("/api/v2/")) {
        Json.reply(ctx, 500, "internal error; see the server log"); // Alertmanager's v2 form: a JSON string
      } else {
        Json.error(ctx, 500, "internal error; see the server log");
      }
    });
  }

  private void readiness(Context ctx) {
    if (!ready.getAsBoolean()) {
      ctx.status(503).result("not ready: configuration not loaded");
      return;
    }
    Optional<String> reason = notReadyBecause.get();
    if (reason.isPresent()) {
      ctx.status(503).result("not ready: " + reason.get());
    } else {
      ctx.result("OK");
    }
  }

  private void scrape(Context ctx) {
    Exposition exposition = metrics.expose(ctx.header("Accept"));
    ctx.contentType(exposition.contentType()).result(exposition.body());
  }

  private void reload(Context ctx) {
    ReloadOutcome outcome = reloadAction.reload();
    if (outcome instanceof ReloadOutcome.Failure failure) {
      Json.error(ctx, 500, failure.error());
    } else {
      Json.reply(ctx, 200, new Replies.Success());
    }
  }

  private void configDiff(Context ctx) {
    ConfigDiffAction.Outcome outcome = configDiff.diff(ctx.bodyAsBytes(), ctx.queryParam("since"));
    if (outcome.status() == 200) {
      ctx.status(200).contentType("application/json").result(outcome.body());
    } else {
      Json.error(ctx, outcome.status(), outcome.body());
    }
  }

  /** The route template that matched, never the raw path (which would explode the label set). */
  private static String handlerLabel(Context ctx) {
    try {
      // The endpoint that matched, not a before handler's ("*") that ran last.
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? UNMATCHED : endpoint.path;
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
  }

  /** Arbitrary method names are possible on the wire; only the common ones become label values. */
  private static String methodLabel(Context ctx) {
    HandlerType method = ctx.method();
    return HandlerType.commonHttp().contains(method) ? method.name() : "OTHER";
  }
}
