package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.explain.DeliveryHistory;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.Inhibitor;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.runbook.Runbooks;
import dev.tta.alertrouter.severity.SeverityClassifier;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UI on its own Javalin over a stub {@link UiBackend}: the authenticated user
 * ({@code alertrouter.identity}, set by the authentication in front of it) authors a silence whatever
 * the form says; the status page shows what the backend reports.
 */
class WebUiStandaloneTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T19:10:00Z"));
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  private Javalin app;

  /** The UI's backend over the shipped rules, built as the root builds it, with no alerts. */
  static UiBackend backend(RouterConfig config, ManualClock clock, StatusFacts status) {
    RouteTree tree = RouteTree.of(TeamRoutes.compile(config.route(), config.teams()));
    SeverityClassifier classifier = new SeverityClassifier(config.severity());
    TeamRoutes teams = new TeamRoutes(config.teams());
    Inhibitor inhibitor = new Inhibitor(config.inhibitRules(), clock);
    TimeIntervals intervals = new TimeIntervals(config.timeIntervals().values());
    RunbookResolver runbooks = new RunbookResolver(Runbooks.empty(), Optional.empty(), URI.create("http://127.0.0.1:9095"));
    return new UiBackend() {
      @Override public RouterConfig config() { return config; }
      @Override public RouteTree routes() { return tree; }
      @Override public Labels classify(Labels labels) { return classifier.classify(labels).labels(); }
      @Override public String team(Labels classified) { return teams.countAs(classified); }
      @Override public Optional<InhibitionReason> inhibitedBy(Labels classified, Instant now) { return inhibitor.isInhibited(classified, now); }
      @Override public TimeIntervals timeIntervals() { return intervals; }
      @Override public List<GroupSnapshot> groups() { return List.of(); }
      @Override public RunbookResolver runbooks() { return runbooks; }
      @Override public Optional<String> reload() { return Optional.empty(); }
      @Override public StatusFacts status() { return status; }
    };
  }

  @Test
  void theStatusPageListsTheReplicasAndTheirLeases() throws Exception {
    RouterConfig config = new ConfigLoader(java.util.Map.of()).load(Path.of("routing-rules")).config();
    Instant now = clock.instant();
    StatusFacts facts = new StatusFacts("9.9.9", now.minusSeconds(3700), now.minusSeconds(60), "routing-rules",
        "runbooks", true, "postgresql://db:5432/router", "replica-a", java.util.Map.of("alerts firing", "3"), List.of(
            new StatusFacts.Lease("{}:{alertname=\"A\"}", "replica-a", now.plusSeconds(30)),
            new StatusFacts.Lease("{}:{alertname=\"B\"}", "replica-a", now.plusSeconds(40)),
            new StatusFacts.Lease("{}:{alertname=\"C\"}", "replica-b", now.minusSeconds(5))));
    WebUi ui = new WebUi(new InMemoryAlertStore(clock, (a, b) -> { }), backend(config, clock, facts), silences,
        new ExplainRecorder(100), new DeliveryHistory(), new RateLimiter(clock, Duration.ofSeconds(1), 1), clock);
    app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      ui.register(c, UnaryOperator.identity(), UnaryOperator.identity(), ctx -> { });
    }).start("127.0.0.1", 0);
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(body.contains("<strong>replica-a</strong> (2 groups)"), body);
    assertTrue(body.contains("<strong>replica-b (lapsed)</strong> (1 group)"), body);
    assertTrue(body.contains("{}:{alertname=&quot;C&quot;}"), body);
    assertTrue(body.contains("up 1h 1m"), body);
    assertTrue(body.contains("9.9.9"));
  }

  @Test
  void anAlertPageShowsAFlappingBadgeAndWhy() throws Exception {
    RouterConfig config = new ConfigLoader(java.util.Map.of()).load(Path.of("routing-rules")).config();
    dev.tta.alertrouter.alert.Alert flapping = new dev.tta.alertrouter.alert.Alert(
        Labels.of("alertname", "QueueLagging", "severity", "warning"), java.util.Map.of(), clock.instant(), null, "",
        clock.instant());
    dev.tta.alertrouter.alert.Alert steady = new dev.tta.alertrouter.alert.Alert(
        Labels.of("alertname", "DiskFilling", "severity", "warning"), java.util.Map.of(), clock.instant(), null, "",
        clock.instant());
    InMemoryAlertStore store = new InMemoryAlertStore(clock, (a, b) -> { });
    store.upsertAll(List.of(flapping, steady));
    UiBackend plain = backend(config, clock, null);
    UiBackend backend = (UiBackend) java.lang.reflect.Proxy.newProxyInstance(UiBackend.class.getClassLoader(),
        new Class<?>[] {UiBackend.class}, (proxy, method, args) -> method.getName().equals("flapping")
            ? (args[0].equals(flapping.fingerprint())
                ? Optional.of("flapping since 2026-11-24T19:05:00Z, 5 changes in 1h <b>")
                : Optional.empty())
            : method.invoke(plain, args));
    WebUi ui = new WebUi(store, backend, silences, new ExplainRecorder(100), new DeliveryHistory(),
        new RateLimiter(clock, Duration.ofSeconds(1), 1), clock);
    app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      ui.register(c, UnaryOperator.identity(), UnaryOperator.identity(), ctx -> { });
    }).start("127.0.0.1", 0);
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + app.port() + "/alerts/";

    String page = client.send(HttpRequest.newBuilder(URI.create(base + flapping.fingerprint())).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(page.contains("<span class=\"badge flapping\" id=\"flapping-badge\">flapping</span>"), page);
    assertTrue(page.contains("flapping since 2026-11-24T19:05:00Z, 5 changes in 1h &lt;b&gt;: its notifications are held"),
        page);
    String other = client.send(HttpRequest.newBuilder(URI.create(base + steady.fingerprint())).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(!other.contains("flapping-badge"), other);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void theAuthenticatedUserAuthorsTheSilence() throws Exception {
    RouterConfig config = new ConfigLoader(java.util.Map.of()).load(Path.of("routing-rules")).config();
    WebUi ui = new WebUi(new InMemoryAlertStore(clock, (a, b) -> { }), backend(config, clock, null), silences,
        new ExplainRecorder(100), new DeliveryHistory(), new RateLimiter(clock, Duration.ofSeconds(1), 1), clock);
    app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.routes.before(ctx -> ctx.attribute(WebUi.IDENTITY_ATTRIBUTE, "bob"));
      ui.register(c, UnaryOperator.identity(), UnaryOperator.identity(), ctx -> { });
    }).start("127.0.0.1", 0);
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + app.port();

    HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/silences/new")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(form.body().contains("value=\"bob\" readonly"), form.body());
    String token = form.headers().allValues("Set-Cookie").get(0).replaceAll("^alertrouter_csrf=([^;]+);.*$", "$1");

    String body = "_csrf=" + token + "&matchers=" + URLEncoder.encode("alertname=\"X\"", StandardCharsets.UTF_8)
        + "&duration=2h&createdBy=mallory&comment=maintenance";
    HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(base + "/silences"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "alertrouter_csrf=" + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals("bob", silences.list().get(0).createdBy());
    assertEquals(clock.instant().plus(Duration.ofHours(2)), silences.list().get(0).endsAt());
  }
}
