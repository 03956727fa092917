package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.Durations;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DeliveryHistory;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.Explanation;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.SilenceNotFoundException;
import dev.tta.alertrouter.mute.SilenceState;
import dev.tta.alertrouter.mute.SilenceValidationException;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.slack.SlackNotifier;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.store.AlertStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The on-call engineer's web UI, served at {@code /} by the same server: server-rendered HTML from
 * Pebble templates, readable without JavaScript; htmx (from its webjar) polls the alert list and
 * previews a silence as it is typed. Every page reads the same services as the JSON API — the alert
 * store, the dispatcher's groups, the decision record, the silences, the route tree — through the
 * {@link UiBackend} the composition root answers.
 */
public final class WebUi {
  /** The request attribute holding the authenticated user's id (a String), when there is one. */
  public static final String IDENTITY_ATTRIBUTE = "alertrouter.identity";
  /** The htmx webjar's version; its file is served from the jar at {@link #HTMX_PATH}. */
  static final String HTMX_VERSION = "2.0.4";
  static final String UPLOT_VERSION = "1.6.30";
  static final String HTMX_PATH = "/ui/vendor/htmx.min.js";
  /** How often the alert list polls for its fragment, in seconds. */
  static final int POLL_SECONDS = 5;

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");
  /** Where the acknowledgement form posts. */
  public static final String GROUP_ACK_PATH = "/groups/ack";
  private static final Pattern RETURN_TO = Pattern.compile("/alerts(/[0-9a-f]{1,16})?");
  private static final Pattern STATIC_NAME = Pattern.compile("[a-z0-9-]+\\.(css|js)");

  private final AlertStore store;
  private final UiBackend backend;
  private final Silences silences;
  private final ExplainRecorder explain;
  private final DeliveryHistory deliveries;
  private final RateLimiter slackLimiter;
  private final Clock clock;
  private final Pages pages = new Pages();
  private final Csrf csrf = new Csrf();
  private final Acknowledgements acks;
  private final AlertBoard board;
  private final Map<String, Asset> assets = new HashMap<>();

  public WebUi(AlertStore store, UiBackend backend, Silences silences, ExplainRecorder explain,
      DeliveryHistory deliveries, RateLimiter slackLimiter, Clock clock) {
    this(store, backend, silences, explain, deliveries, slackLimiter, clock, null);
  }

  /**
   * @param acks where the Acknowledge buttons act (the API's {@link Acknowledgements}); null: the
   *     pages show no acknowledgement
   */
  public WebUi(AlertStore store, UiBackend backend, Silences silences, ExplainRecorder explain,
      DeliveryHistory deliveries, RateLimiter slackLimiter, Clock clock, Acknowledgements acks) {
    this.acks = acks;
    this.store = Objects.requireNonNull(store, "store");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.silences = Objects.requireNonNull(silences, "silences");
    this.explain = Objects.requireNonNull(explain, "explain");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.slackLimiter = Objects.requireNonNull(slackLimiter, "slackLimiter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.board = new AlertBoard(store, backend, silences,
        acks == null ? groupKey -> Optional.empty() : acks::current);
    asset("/ui/static/app.css", "ui/static/app.css", "text/css");
    asset("/ui/static/receivers-chart.js", "ui/static/receivers-chart.js", "text/javascript");
    asset(HTMX_PATH, "META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js", "text/javascript");
    asset("/ui/vendor/uPlot.iife.min.js", "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js",
        "text/javascript");
    asset("/ui/vendor/uPlot.min.css", "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css", "text/css");
  }

  private record Asset(byte[] body, String contentType) {}

  private void asset(String path, String resource, String contentType) {
    try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " in the jar");
      }
      assets.put(path, new Asset(in.readAllBytes(), contentType + "; charset=utf-8"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds the pages; call inside {@code Javalin.create(config -> ...)}.
   *
   * @param silenceGuard the check creating, editing and expiring a silence go through (the one the
   *     silence API uses)
   * @param adminGuard the check a reload and a config diff go through (the one {@code POST /-/reload} uses)
   * @param explainJson answers {@code /alerts/{fingerprint}} for {@code Accept: application/json}
   *     (the explain API's own handler, so the JSON is the same)
   */
  public void register(JavalinConfig config, UnaryOperator<Handler> silenceGuard, UnaryOperator<Handler> adminGuard,
      Handler explainJson) {
    config.routes.get("/", ctx -> ctx.redirect("/alerts", HttpStatus.SEE_OTHER));
    config.routes.get("/alerts", this::alerts);
    config.routes.get("/ui/fragments/alerts", this::alertsFragment);
    config.routes.get("/alerts/{fingerprint}", ctx -> {
      ctx.header("Vary", "Accept");
      if (wantsJson(ctx)) {
        explainJson.handle(ctx);
      } else {
        alert(ctx);
      }
    });
    config.routes.get("/silences", this::silenceList);
    config.routes.get("/silences/new", this::silenceForm);
    config.routes.get("/ui/fragments/silence-preview", this::silencePreview);
    config.routes.post("/silences", silenceGuard.apply(checked(this::silenceSave)));
    config.routes.post("/silences/{id}/expire", silenceGuard.apply(checked(this::silenceExpire)));
    if (acks != null) {
      // Acknowledging is a responder's change, like a silence: the same check (http/auth/Endpoints).
      config.routes.post(GROUP_ACK_PATH, silenceGuard.apply(checked(this::groupAck)));
    }
    config.routes.get("/routes", this::routes);
    config.routes.get("/receivers", this::receivers);
    config.routes.get("/ui/api/notifications-per-hour", this::notificationsPerHour);
    config.routes.get("/status", this::status);
    config.routes.post("/status/reload", adminGuard.apply(checked(this::reload)));
    ConfigDiffPage diffPage = new ConfigDiffPage(backend, pages, ctx -> model(ctx, "status"));
    config.routes.get(ConfigDiffPage.PATH, diffPage::form);
    config.routes.post(ConfigDiffPage.PATH, adminGuard.apply(checked(diffPage::submit)));
    for (String path : assets.keySet()) {
      config.routes.get(path, this::serveAsset);
    }
  }

  private static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private void serveAsset(Context ctx) {
    Asset asset = assets.get(ctx.path());
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(asset.contentType()).result(asset.body());
  }

  /** The CSRF check before any state change: refused with 403 and a page that says why. */
  private Handler checked(Handler handler) {
    return ctx -> {
      if (!csrf.accepts(ctx)) {
        Map<String, Object> model = model(ctx, "");
        model.put("title", "Refused");
        model.put("message", "This form was refused (403): its CSRF token is missing or does not match this browser's."
            + " Reload the page and submit it again.");
        pages.html(ctx, 403, "error", model);
        return;
      }
      handler.handle(ctx);
    };
  }

  private Map<String, Object> model(Context ctx, String nav) {
    Map<String, Object> m = new HashMap<>();
    m.put("nav", nav);
    m.put("csrf", csrf.token(ctx));
    m.put("csrfField", Csrf.FIELD);
    m.put("htmx", HTMX_PATH);
    m.put("identity", identity(ctx));
    return m;
  }

  private static String identity(Context ctx) {
    Object id = ctx.attribute(IDENTITY_ATTRIBUTE);
    return id instanceof String s && !s.isBlank() ? s : null;
  }

  // ---- alerts ----

  private void alerts(Context ctx) {
    Map<String, Object> m = model(ctx, "alerts");
    AlertFilter filter = AlertFilter.from(ctx);
    fillBoard(m, filter);
    m.put("title", "Alerts");
    m.put("states", AlertFilter.STATES);
    m.put("pollSeconds", POLL_SECONDS);
    pages.html(ctx, filter.problems().isEmpty() ? 200 : 400, "alerts", m);
  }

  private void alertsFragment(Context ctx) {
    Map<String, Object> m = model(ctx, "alerts");
    AlertFilter filter = AlertFilter.from(ctx);
    fillBoard(m, filter);
    m.put("pollSeconds", POLL_SECONDS);
    pages.html(ctx, 200, "alerts-board", m);
  }

  private void fillBoard(Map<String, Object> m, AlertFilter filter) {
    Instant now = clock.instant();
    m.put("filter", filter);
    m.put("query", filter.query());
    m.put("board", board.build(filter, now));
    m.put("now", Views.time(now));
  }

  private void alert(Context ctx) {
    String given = ctx.pathParam("fingerprint");
    Map<String, Object> m = model(ctx, "alerts");
    if (!HEX.matcher(given).matches()) {
      notFound(ctx, m, "\"" + given + "\" is not a fingerprint: expected 1 to 16 hex digits.");
      return;
    }
    Fingerprint fingerprint = Fingerprint.parse(given);
    Instant now = clock.instant();
    Optional<AlertRow> row = board.row(fingerprint.toString(), now);
    Optional<Explanation> story = explain.explain(fingerprint);
    if (row.isEmpty() && story.isEmpty()) {
      notFound(ctx, m, "No alert " + fingerprint + " is held, and explain remembers none: it never reached this"
          + " server, or it was resolved and pruned.");
      return;
    }
    m.put("title", "Alert " + row.map(AlertRow::name).orElse(fingerprint.toString()));
    m.put("fingerprint", fingerprint.toString());
    m.put("row", row.orElse(null));
    m.put("flapping", backend.flapping(fingerprint).orElse(null));
    m.put("labels", row.map(AlertRow::labels).orElseGet(() -> story.get().labels().asUnmodifiableMap()));
    m.put("decisions", story.map(e -> timeline(e.decisions())).orElse(List.of()));
    m.put("dropped", story.map(Explanation::droppedDecisions).orElse(0L));
    row.ifPresent(r -> m.put("silenceLink", "/silences/new?matchers=" + Views.query(silenceMatchers(r))));
    m.put("groupAcks", acks == null ? List.of() : board.groupsOf(fingerprint.toString()));
    row.ifPresent(r -> m.put("nowStep", new Step(Views.time(now), null, 1, "now", nowSummary(r), Map.of())));
    pages.html(ctx, 200, "alert", m);
  }

  /**
   * The story's last line: what the mute stages would decide if the alert's group flushed now (the
   * record gets its own line only at the next flush).
   */
  private static String nowSummary(AlertRow r) {
    return switch (r.state()) {
      case "resolved" -> "resolved: the next flush tells its receivers (where send_resolved is on)";
      case "inhibited" -> r.inhibitedBy() + "; the next flush will not notify it";
      case "silenced" -> "silenced by " + String.join(", ", r.silencedBy()) + "; the next flush will not notify it";
      case "muted" -> "muted: " + String.join("; ", r.timeMutes()) + "; the next flush will not notify it";
      default -> "firing and not muted: each flush notifies it (when the notification log shows something new or the repeat interval passed)";
    };
  }

  /** The matchers a silence of just this alert needs: its own labels (not the derived priority). */
  private static String silenceMatchers(AlertRow row) {
    List<String> out = new ArrayList<>();
    row.alert().labels().forEach((name, value) -> out.add(Matcher.equal(name, value).toString()));
    return String.join("\n", out);
  }

  /** One decision of the story as the timeline shows it. */
  public record Step(String at, String lastAt, int times, String stage, String summary, Map<String, String> details) {}

  /**
   * The decisions in the order the alert met them: by time, and within the same instant by pipeline
   * stage (a flush on a worker can record its notification before the request thread records the
   * routing that led to it).
   */
  static List<Step> timeline(List<Decision> decisions) {
    return decisions.stream()
        .sorted(java.util.Comparator.comparing(Decision::at).thenComparing(Decision::stage))
        .map(WebUi::step)
        .toList();
  }

  private static Step step(Decision d) {
    return new Step(Views.time(d.at()), d.times() > 1 ? Views.time(d.lastAt()) : null, d.times(),
        d.stage().wireName(), d.summary(), d.details());
  }

  private void notFound(Context ctx, Map<String, Object> m, String message) {
    m.put("title", "Not found");
    m.put("message", message);
    pages.html(ctx, 404, "error", m);
  }

  // ---- silences ----

  /** A silence as the list shows it. */
  public record SilenceView(String id, String matchers, String startsAt, String endsAt, String endsIn, String createdBy,
      String comment, String state, int matchingNow) {}

  private void silenceList(Context ctx) {
    Map<String, Object> m = model(ctx, "silences");
    Instant now = clock.instant();
    Map<String, List<SilenceView>> byState = new LinkedHashMap<>();
    for (SilenceState s : List.of(SilenceState.ACTIVE, SilenceState.PENDING, SilenceState.EXPIRED)) {
      byState.put(s.wireName(), new ArrayList<>());
    }
    for (Silence s : silences.list()) {
      SilenceState state = s.stateAt(now);
      int matching = state == SilenceState.EXPIRED ? 0 : board.matching(s.matchers(), now).size();
      byState.get(state.wireName()).add(new SilenceView(s.id(), joined(s.matchers()), Views.time(s.startsAt()),
          Views.time(s.endsAt()), Views.age(Duration.between(now, s.endsAt())), s.createdBy(), s.comment(),
          state.wireName(), matching));
    }
    m.put("title", "Silences");
    m.put("byState", byState);
    m.put("saved", ctx.queryParam("saved"));
    m.put("expired", ctx.queryParam("expired"));
    pages.html(ctx, 200, "silences", m);
  }

  private static String joined(List<Matcher> matchers) {
    return String.join(", ", matchers.stream().map(Matcher::toString).toList());
  }

  private void silenceForm(Context ctx) {
    Map<String, Object> m = model(ctx, "silences");
    String id = ctx.queryParam("id");
    Map<String, String> form = new HashMap<>();
    form.put("matchers", Optional.ofNullable(ctx.queryParam("matchers")).orElse(""));
    form.put("duration", "2h");
    form.put("startsAt", "");
    form.put("endsAt", "");
    form.put("createdBy", "");
    form.put("comment", "");
    form.put("id", "");
    if (id != null && !id.isEmpty()) {
      Optional<Silence> existing = silences.get(id);
      if (existing.isEmpty()) {
        notFound(ctx, m, "No silence " + id + ".");
        return;
      }
      Silence s = existing.get();
      form.put("id", s.id());
      form.put("matchers", MatcherInput.format(s.matchers()));
      form.put("duration", "");
      form.put("startsAt", s.startsAt().toString());
      form.put("endsAt", s.endsAt().toString());
      form.put("createdBy", s.createdBy());
      form.put("comment", s.comment());
    }
    renderSilenceForm(ctx, m, form, List.of(), 200);
  }

  private void renderSilenceForm(Context ctx, Map<String, Object> m, Map<String, String> form, List<String> problems,
      int status) {
    m.put("title", form.get("id").isEmpty() ? "New silence" : "Edit silence");
    m.put("form", form);
    m.put("problems", problems);
    m.put("preview", preview(form.get("matchers")));
    pages.html(ctx, status, "silence-form", m);
  }

  private Map<String, Object> preview(String matchersText) {
    Map<String, Object> p = new HashMap<>();
    try {
      List<Matcher> matchers = MatcherInput.parse(matchersText);
      p.put("given", !matchers.isEmpty());
      p.put("alerts", matchers.isEmpty() ? List.of() : board.matching(matchers, clock.instant()));
    } catch (IllegalArgumentException e) {
      p.put("error", e.getMessage());
      p.put("alerts", List.of());
    }
    return p;
  }

  private void silencePreview(Context ctx) {
    Map<String, Object> m = model(ctx, "silences");
    m.put("preview", preview(Optional.ofNullable(ctx.queryParam("matchers")).orElse("")));
    pages.html(ctx, 200, "silence-preview", m);
  }

  private void silenceSave(Context ctx) {
    Map<String, String> form = new HashMap<>();
    for (String field : List.of("id", "matchers", "startsAt", "endsAt", "duration", "createdBy", "comment")) {
      String v = ctx.formParam(field);
      form.put(field, v == null ? "" : v.strip());
    }
    String identity = identity(ctx);
    if (identity != null) {
      form.put("createdBy", identity);
    }
    List<String> problems = new ArrayList<>();
    Instant now = clock.instant();
    List<Matcher> matchers = null;
    try {
      matchers = MatcherInput.parse(form.get("matchers"));
    } catch (IllegalArgumentException e) {
      problems.add("matchers: " + e.getMessage());
    }
    Instant startsAt = now;
    if (!form.get("startsAt").isEmpty()) {
      startsAt = instant(form.get("startsAt"), "starts at", problems);
    }
    Instant endsAt = null;
    if (!form.get("endsAt").isEmpty() && form.get("duration").isEmpty()) {
      endsAt = instant(form.get("endsAt"), "ends at", problems);
    } else if (!form.get("duration").isEmpty()) {
      try {
        Duration d = Durations.parse(form.get("duration"));
        endsAt = startsAt == null ? null : startsAt.plus(d);
      } catch (IllegalArgumentException e) {
        problems.add("duration: " + e.getMessage());
      }
    } else {
      problems.add("duration: give a duration such as 2h, or an end time");
    }
    if (problems.isEmpty()) {
      try {
        // The form has no recurrence or owner fields (yet): editing a silence keeps them.
        Optional<Silence> previous = Optional.ofNullable(emptyToNull(form.get("id"))).flatMap(silences::get);
        String id = silences.set(new SilenceDraft(form.get("id"), matchers, startsAt, endsAt,
            emptyToNull(form.get("createdBy")), emptyToNull(form.get("comment")),
            previous.map(Silence::recurrence).orElse(List.of()), previous.flatMap(Silence::owner)));
        ctx.redirect("/silences?saved=" + Views.query(id), HttpStatus.SEE_OTHER);
        return;
      } catch (SilenceValidationException e) {
        problems.addAll(e.problems());
      } catch (SilenceNotFoundException e) {
        problems.add(e.getMessage());
      }
    }
    renderSilenceForm(ctx, model(ctx, "silences"), form, problems, 400);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Instant instant(String text, String field, List<String> problems) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(field + ": expected a time such as 2026-12-03T15:00:00Z, found \"" + text + "\"");
      return null;
    }
  }

  private void silenceExpire(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      silences.expire(id);
    } catch (SilenceNotFoundException e) {
      notFound(ctx, model(ctx, "silences"), e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      Map<String, Object> m = model(ctx, "silences");
      m.put("title", "Not expired");
      m.put("message", e.getMessage());
      pages.html(ctx, 400, "error", m);
      return;
    }
    ctx.redirect("/silences?expired=" + Views.query(id), HttpStatus.SEE_OTHER);
  }

  // ---- acknowledgements ----

  /**
   * The Acknowledge / Unacknowledge form of a group ({@code groupKey} and {@code do} in the form, as
   * group keys hold slashes); back to the page it came from. Who acknowledges is the signed-in user,
   * else the form's {@code by}.
   */
  private void groupAck(Context ctx) {
    String groupKey = Optional.ofNullable(ctx.formParam("groupKey")).orElse("");
    String by = identity(ctx);
    if (by == null) {
      by = Optional.ofNullable(ctx.formParam("by")).orElse("").strip();
    }
    String comment = Optional.ofNullable(ctx.formParam("comment")).orElse("");
    AckOutcome outcome = "unack".equals(ctx.formParam("do"))
        ? acks.unack(groupKey, by)
        : acks.ack(groupKey, new AckRequest(by, comment, null, Ack.VIA_UI));
    if (outcome instanceof AckOutcome.UnknownGroup) {
      notFound(ctx, model(ctx, "alerts"), "No group " + groupKey + " is held any more: it resolved, or a reload"
          + " changed its route.");
      return;
    }
    if (outcome instanceof AckOutcome.Refused refused) {
      Map<String, Object> m = model(ctx, "alerts");
      m.put("title", "Not acknowledged");
      m.put("message", refused.problem());
      pages.html(ctx, 400, "error", m);
      return;
    }
    String back = Optional.ofNullable(ctx.formParam("return")).orElse("");
    // Only back to one of these pages: a form field must not make this an open redirect.
    ctx.redirect(RETURN_TO.matcher(back).matches() ? back : "/alerts", HttpStatus.SEE_OTHER);
  }

  // ---- routes ----

  /** One node of the drawn route tree. */
  public record RouteNode(int depth, String prefix, String receiver, String matchers, boolean continueMatching,
      String groupBy, String groupWait, String groupInterval, String repeatInterval, String muteTimeIntervals,
      String activeTimeIntervals, String location, boolean matched, boolean onPath, boolean team) {}

  /** A route on the path of a tested alert. */
  public record PathStep(String receiver, String matchers, String location) {}

  private void routes(Context ctx) {
    Map<String, Object> m = model(ctx, "routes");
    m.put("title", "Routes");
    String labelsText = Optional.ofNullable(ctx.queryParam("labels")).orElse("").strip();
    m.put("labelsText", labelsText);
    List<Route> matched = List.of();
    IdentityHashMap<Route, Route> parents = new IdentityHashMap<>();
    Route root = backend.routes().root();
    indexParents(root, parents);
    int status = 200;
    if (!labelsText.isEmpty()) {
      try {
        Labels labels = testLabels(labelsText);
        Labels classified = backend.classify(labels);
        matched = backend.routes().match(classified);
        Instant now = clock.instant();
        Muting muting = Muting.of(backend, silences, classified, matched, now);
        Map<String, Object> test = new HashMap<>();
        test.put("labels", classified.asUnmodifiableMap());
        test.put("priority", classified.getOrEmpty(Priority.LABEL));
        test.put("team", backend.team(classified));
        test.put("receivers", backend.routes().receivers(classified));
        List<List<PathStep>> paths = new ArrayList<>();
        for (Route leaf : matched) {
          List<PathStep> path = new ArrayList<>();
          for (Route r = leaf; r != null; r = parents.get(r)) {
            path.add(0, new PathStep(r.receiver(), r.matchersString(), r.location().toString()));
          }
          paths.add(path);
        }
        test.put("paths", paths);
        test.put("inhibitedBy", muting.inhibitedBy().map(i -> i.describe()).orElse(null));
        test.put("silencedBy", muting.silencedBy());
        test.put("timeMutes", muting.timeMutes());
        test.put("muted", muting.muted());
        m.put("test", test);
      } catch (IllegalArgumentException e) {
        m.put("testError", e.getMessage());
        status = 400;
      }
    }
    List<RouteNode> nodes = new ArrayList<>();
    IdentityHashMap<Route, Boolean> onPath = new IdentityHashMap<>();
    for (Route leaf : matched) {
      for (Route r = leaf; r != null; r = parents.get(r)) {
        onPath.put(r, true);
      }
    }
    IdentityHashMap<Route, Boolean> matchedSet = new IdentityHashMap<>();
    matched.forEach(r -> matchedSet.put(r, true));
    draw(root, 0, "", nodes, matchedSet, onPath);
    m.put("nodes", nodes);
    m.put("teams", backend.config().teams().keySet());
    pages.html(ctx, status, "routes", m);
  }

  /** Labels as {@code routes test} takes them: {@code name=value} matchers, by spaces, commas or lines. */
  private static Labels testLabels(String text) {
    Map<String, String> map = new TreeMap<>();
    for (Matcher matcher : MatcherInput.parse(text)) {
      if (matcher.type() != Matcher.Type.EQUAL) {
        throw new IllegalArgumentException("labels must be given as name=value; found " + matcher);
      }
      map.put(matcher.name(), matcher.value());
    }
    return Labels.of(map);
  }

  private static void indexParents(Route route, IdentityHashMap<Route, Route> parents) {
    for (Route child : route.children()) {
      parents.put(child, route);
      indexParents(child, parents);
    }
  }

  private void draw(Route route, int depth, String prefix, List<RouteNode> out, IdentityHashMap<Route, Boolean> matched,
      IdentityHashMap<Route, Boolean> onPath) {
    var o = route.options();
    String location = route.location().toString();
    out.add(new RouteNode(Math.min(depth, 12), prefix, route.receiver(),
        route.matchers().isEmpty() ? (depth == 0 ? "(root: every alert)" : "(every alert)") : route.matchersString(),
        route.continueMatching(),
        o.groupByAll() ? "..." : String.join(", ", o.groupBy()),
        Views.duration(o.groupWait()), Views.duration(o.groupInterval()), Views.duration(o.repeatInterval()),
        String.join(", ", o.muteTimeIntervals()), String.join(", ", o.activeTimeIntervals()),
        location, matched.containsKey(route), onPath.containsKey(route), location.contains("teams")));
    for (Route child : route.children()) {
      draw(child, depth + 1, prefix, out, matched, onPath);
    }
  }

  // ---- receivers ----

  /** One integration of a receiver with its recent deliveries. */
  public record IntegrationView(String name, String lastOutcome, String lastAt, String lastReason,
      int failuresLastHour, int droppedLastHour, int sentLast24h, String rateLimit) {}

  /** One receiver and its integrations. */
  public record ReceiverView(String name, String location, List<IntegrationView> integrations) {}

  private void receivers(Context ctx) {
    Map<String, Object> m = model(ctx, "receivers");
    Instant now = clock.instant();
    List<ReceiverView> views = new ArrayList<>();
    for (ReceiverConfig r : backend.config().receivers()) {
      List<IntegrationView> integrations = new ArrayList<>();
      for (DeliveryHistory.Key key : integrations(r)) {
        DeliveryHistory.Summary s = deliveries.summary(key, now);
        int sent = 0;
        for (int n : s.sentPerHour()) {
          sent += n;
        }
        integrations.add(new IntegrationView(key.integration() + "[" + key.index() + "]",
            s.last().map(e -> e.result().label()).orElse("none yet"),
            s.last().map(e -> Views.time(e.at()) + " (" + Views.age(Duration.between(e.at(), now)) + " ago)").orElse(""),
            s.last().map(DeliveryHistory.Entry::reason).orElse(""),
            s.failuresLastHour(), s.droppedLastHour(), sent,
            rateLimit(r, key)));
      }
      views.add(new ReceiverView(r.name(), r.location().toString(), integrations));
    }
    m.put("title", "Receivers");
    m.put("receivers", views);
    pages.html(ctx, 200, "receivers", m);
  }

  /** The integration's rate limit and where it stands now. */
  private String rateLimit(ReceiverConfig r, DeliveryHistory.Key key) {
    if (!key.integration().equals("slack")) {
      return "none (at most 8 attempts in flight per integration type)";
    }
    String limiterKey = SlackNotifier.rateLimitKey(r.name(), key.index(), r.slackConfigs().get(key.index()));
    Duration wait = slackLimiter.waitFor(limiterKey);
    return "1 message per " + Views.duration(slackLimiter.interval()) + " for " + limiterKey + ": "
        + (wait.isZero() ? "a slot is free now" : "next slot in " + Views.duration(wait));
  }

  private static List<DeliveryHistory.Key> integrations(ReceiverConfig r) {
    List<DeliveryHistory.Key> keys = new ArrayList<>();
    for (int i = 0; i < r.slackConfigs().size(); i++) {
      keys.add(new DeliveryHistory.Key(r.name(), "slack", i));
    }
    for (int i = 0; i < r.pagerDutyConfigs().size(); i++) {
      keys.add(new DeliveryHistory.Key(r.name(), "pagerduty", i));
    }
    for (int i = 0; i < r.emailConfigs().size(); i++) {
      keys.add(new DeliveryHistory.Key(r.name(), "email", i));
    }
    for (int i = 0; i < r.webhookConfigs().size(); i++) {
      keys.add(new DeliveryHistory.Key(r.name(), "webhook", i));
    }
    return keys;
  }

  /**
   * {@code {"hours":[epoch seconds of each hour's end, oldest first], "receivers":{"name":[24 counts]}}}:
   * notifications sent (or rendered in dry-run) per receiver in each of the last 24 hours.
   */
  private void notificationsPerHour(Context ctx) {
    Instant now = clock.instant();
    long[] hours = new long[24];
    for (int i = 0; i < 24; i++) {
      hours[i] = now.minus(Duration.ofHours(23 - i)).getEpochSecond();
    }
    Map<String, int[]> perReceiver = new TreeMap<>();
    for (ReceiverConfig r : backend.config().receivers()) {
      int[] sum = new int[24];
      for (DeliveryHistory.Key key : integrations(r)) {
        int[] counts = deliveries.summary(key, now).sentPerHour();
        for (int i = 0; i < 24; i++) {
          sum[i] += counts[i];
        }
      }
      perReceiver.put(r.name(), sum);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hours", hours);
    body.put("receivers", perReceiver);
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  // ---- status ----

  private void status(Context ctx) {
    Map<String, Object> m = model(ctx, "status");
    statusModel(m);
    String reloaded = ctx.queryParam("reloaded");
    if ("ok".equals(reloaded)) {
      m.put("reloadMessage", "Configuration reloaded.");
    }
    pages.html(ctx, 200, "status", m);
  }

  private void statusModel(Map<String, Object> m) {
    Instant now = clock.instant();
    StatusFacts facts = backend.status();
    m.put("title", "Status");
    m.put("facts", facts);
    m.put("uptime", Views.age(Duration.between(facts.startedAt(), now)));
    m.put("startedAt", Views.time(facts.startedAt()));
    m.put("configLoadedAt", Views.time(facts.configLoadedAt()));
    Map<String, Long> byOwner = new TreeMap<>();
    facts.leases().forEach(l -> byOwner.merge(l.owner() + (l.expiresAt().isAfter(now) ? "" : " (lapsed)"), 1L, Long::sum));
    m.put("replicas", byOwner);
    m.put("leases", facts.leases().stream().map(l -> Map.of("groupKey", l.groupKey(), "owner", l.owner(),
        "expiresAt", Views.time(l.expiresAt()))).toList());
  }

  private void reload(Context ctx) {
    Optional<String> failure = backend.reload();
    if (failure.isEmpty()) {
      ctx.redirect("/status?reloaded=ok", HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, Object> m = model(ctx, "status");
    statusModel(m);
    m.put("reloadError", failure.get());
    pages.html(ctx, 500, "status", m);
  }
}
