package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.heartbeat.HeartbeatMonitor;
import dev.tta.alertrouter.heartbeat.HeartbeatStatus;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.store.Upserted;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat on the manual clock through the real pipeline: SQLite state, the routing engine,
 * real webhook deliveries to a loopback peer. Missing for {@code expect_every + grace} pages once;
 * a restart on the same database file neither pages again nor pages for the restart itself; the
 * heartbeat's return resolves the page.
 */
class HeartbeatEngineTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  /** expect_every 2m + grace 1m. */
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final String NAME = "prometheus-tta-production";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private PeerWebhook peer;
  private Path config;
  private Router router;

  /** One router process, wired as {@link App} wires it, with the heartbeat monitor on top. */
  private final class Router implements AutoCloseable {
    final StoredRouter base;
    final HeartbeatMonitor heartbeats;

    Router() throws ConfigException {
      base = new StoredRouter(config, dir.resolve("data"), clock, scheduler, T0);
      heartbeats = new HeartbeatMonitor(base.persistence.heartbeats(), scheduler, clock,
          alerts -> onAccepted(base.persistence.alerts().upsertAll(alerts)));
      heartbeats.configure(base.loaded.config().heartbeats());
    }

    /** Intake, as {@code App.onAccepted} hands a stored batch on. */
    void receive(Alert alert) {
      onAccepted(base.persistence.alerts().upsertAll(List.of(alert)));
    }

    private void onAccepted(Upserted upserted) {
      heartbeats.observe(base.accept(upserted).stored());
    }

    HeartbeatStatus status() {
      return heartbeats.list().get(0);
    }

    @Override
    public void close() {
      heartbeats.close();
      base.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    config = Files.writeString(dir.resolve("config.yml"), """
        route:
          receiver: blackhole
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
          routes:
            - matchers: ['alertname="Watchdog"']
              receiver: blackhole
        receivers:
          - name: blackhole
          - name: critical-alerts
            webhook_configs: [{url: '%s', send_resolved: true}]
        heartbeats:
          - name: %s
            matchers: ['alertname="Watchdog"', 'cluster="tta-production"']
            expect_every: 2m
            grace: 1m
            receiver: critical-alerts
            priority: P0
            team: platform
        """.formatted(peer.url("/critical"), NAME));
    router = new Router();
  }

  @AfterEach
  void stop() {
    if (router != null) {
      router.close();
    }
    peer.close();
  }

  /** When the Watchdog started firing: a Prometheus that comes back starts it anew. */
  private Instant watchdogSince = T0;

  /** What Prometheus sends for the always-firing Watchdog rule at each evaluation. */
  private Alert watchdog(String cluster) {
    Instant now = clock.instant();
    return new Alert(Labels.of("alertname", "Watchdog", "cluster", cluster, "severity", "none"), Map.of(),
        watchdogSince, now.plus(Duration.ofMinutes(4)), "", now);
  }

  /** Prometheus is back: its Watchdog fires again from now. */
  private Alert watchdogAgain() {
    watchdogSince = clock.instant();
    return watchdog("tta-production");
  }

  private void advanceTo(Instant at) {
    scheduler.advance(Duration.between(clock.instant(), at));
  }

  /** Prometheus evaluating the Watchdog rule every minute for {@code span}. */
  private void watchdogFiresFor(Duration span) {
    Instant end = clock.instant().plus(span);
    while (clock.instant().isBefore(end)) {
      router.receive(watchdog("tta-production"));
      advanceTo(clock.instant().plus(Duration.ofMinutes(1)));
    }
  }

  private void restart() throws ConfigException {
    router.close();
    router = new Router();
  }

  private List<JsonNode> pages() {
    return peer.accepted();
  }

  private static JsonNode onlyAlert(JsonNode page) {
    assertEquals(1, page.path("alerts").size(), page.toString());
    return page.path("alerts").get(0);
  }

  @Test
  void missingForExpectEveryPlusGracePagesOnceAndResolvesWhenItReturns() {
    router.receive(watchdog("tta-production"));
    advanceTo(T0.plus(Duration.ofMinutes(2)));
    Instant lastBeat = clock.instant();
    router.receive(watchdog("tta-production"));
    router.receive(watchdog("tta-staging"));
    assertEquals("alive", router.status().state());
    assertEquals(lastBeat.plus(DEADLINE), router.status().dueBy());

    Instant missingAt = lastBeat.plus(DEADLINE);
    advanceTo(missingAt.minusSeconds(1));
    assertEquals(List.of(), pages(), "nothing before expect_every + grace; the staging Watchdog keeps nothing alive");
    advanceTo(missingAt.plus(GROUP_WAIT));
    assertEquals(1, pages().size(), pages().toString());
    JsonNode page = pages().get(0);
    assertEquals("critical-alerts", page.path("receiver").asText(), "the heartbeat's receiver, not the root's");
    JsonNode alert = onlyAlert(page);
    assertEquals("firing", alert.path("status").asText());
    assertEquals("HeartbeatMissing", alert.path("labels").path("alertname").asText());
    assertEquals(NAME, alert.path("labels").path("heartbeat").asText());
    assertEquals("P0", alert.path("labels").path("priority").asText());
    assertEquals("platform", alert.path("labels").path("team").asText());
    assertEquals(missingAt, Instant.parse(alert.path("startsAt").asText()));
    assertEquals("no heartbeat from " + NAME + " since " + lastBeat, alert.path("annotations").path("summary").asText());
    assertEquals("missing", router.status().state());
    assertEquals(missingAt, router.status().missingSince());

    advanceTo(missingAt.plus(Duration.ofHours(1)));
    assertEquals(1, pages().size(), "paged once, not at every group_interval");

    Instant back = clock.instant();
    router.receive(watchdogAgain());
    assertEquals("alive", router.status().state());
    watchdogFiresFor(GROUP_INTERVAL);
    assertEquals(2, pages().size(), pages().toString());
    JsonNode resolved = onlyAlert(pages().get(1));
    assertEquals("resolved", resolved.path("status").asText());
    assertEquals("HeartbeatMissing", resolved.path("labels").path("alertname").asText());
    assertEquals(back, Instant.parse(resolved.path("endsAt").asText()));

    watchdogFiresFor(Duration.ofHours(1));
    assertEquals(2, pages().size(), "beats in time keep it quiet: " + pages());
  }

  @Test
  void aRestartWhileMissingDoesNotPageAgainAndTheReturnStillResolves() throws Exception {
    router.receive(watchdog("tta-production"));
    Instant missingAt = T0.plus(DEADLINE);
    advanceTo(missingAt.plus(GROUP_WAIT));
    assertEquals(1, pages().size());

    advanceTo(clock.instant().plus(Duration.ofMinutes(10)));
    restart();
    assertEquals("missing", router.status().state(), "the stored state says so after the restart");
    assertEquals(missingAt, router.status().missingSince());
    advanceTo(clock.instant().plus(Duration.ofHours(1)));
    assertEquals(1, pages().size(), "no second page after the restart: " + pages());

    router.receive(watchdogAgain());
    assertEquals("alive", router.status().state());
    watchdogFiresFor(GROUP_INTERVAL);
    assertEquals(2, pages().size(), pages().toString());
    assertEquals("resolved", onlyAlert(pages().get(1)).path("status").asText());
  }

  @Test
  void aRestartDoesNotPageForItselfAndWaitsExpectEveryPlusGraceFromTheStart() throws Exception {
    router.receive(watchdog("tta-production"));
    advanceTo(T0.plus(Duration.ofSeconds(30)));
    router.close();
    router = null;
    // Down for longer than expect_every + grace: the Watchdog's silence is the router's own doing.
    advanceTo(T0.plus(Duration.ofMinutes(10)));
    Instant started = clock.instant();
    router = new Router();
    assertEquals("alive", router.status().state());
    assertEquals(started.plus(DEADLINE), router.status().dueBy(), "counted from the start, not the last beat");

    advanceTo(started.plus(Duration.ofMinutes(2)));
    router.receive(watchdogAgain());
    advanceTo(started.plus(DEADLINE).plus(GROUP_WAIT));
    assertEquals(List.of(), pages(), "a beat within the deadline after the start: no page");
    assertEquals(started.plus(Duration.ofMinutes(2)).plus(DEADLINE), router.status().dueBy());
  }

  @Test
  void aHeartbeatThatNeverCameBackAfterARestartPagesAtTheDeadlineFromTheStart() throws Exception {
    router.receive(watchdog("tta-production"));
    router.close();
    advanceTo(T0.plus(Duration.ofMinutes(10)));
    Instant started = clock.instant();
    router = new Router();

    advanceTo(started.plus(DEADLINE).minusSeconds(1));
    assertEquals(List.of(), pages());
    advanceTo(started.plus(DEADLINE).plus(GROUP_WAIT));
    assertEquals(1, pages().size());
    assertEquals(started.plus(DEADLINE), Instant.parse(onlyAlert(pages().get(0)).path("startsAt").asText()));
    assertEquals("no heartbeat from " + NAME + " since " + T0,
        onlyAlert(pages().get(0)).path("annotations").path("summary").asText(), "the last beat stored before the restart");
  }

  @Test
  void aReloadNeitherPostponesTheDeadlineNorPagesByItself() throws Exception {
    router.receive(watchdog("tta-production"));
    advanceTo(T0.plus(Duration.ofMinutes(2)));
    router.heartbeats.configure(LoadedConfig.load(new ConfigLoader(Map.of()),
        new Templates((receiver, integration, template, reason) -> {}),
        new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
            URI.create("http://alert-router.test"))).config().heartbeats());
    assertEquals(T0.plus(DEADLINE), router.status().dueBy(), "still counted from the last beat");

    advanceTo(T0.plus(DEADLINE).plus(GROUP_WAIT));
    assertEquals(1, pages().size(), "missing at the same deadline as without the reload");
    router.heartbeats.configure(List.of());
    assertEquals(List.of(), router.heartbeats.list(), "a heartbeat removed is no longer watched");
    assertFalse(router.heartbeats.beat(NAME));
  }

  @Test
  void aHeartbeatPostedToTheApiKeepsItAliveAndUnknownNamesAreRefused() {
    advanceTo(T0.plus(Duration.ofMinutes(2)));
    assertTrue(router.heartbeats.beat(NAME));
    assertFalse(router.heartbeats.beat("no-such-heartbeat"));
    advanceTo(T0.plus(Duration.ofMinutes(4)));
    assertTrue(router.heartbeats.beat(NAME));
    advanceTo(T0.plus(Duration.ofMinutes(6)));
    assertEquals(List.of(), pages());
    advanceTo(T0.plus(Duration.ofMinutes(7)).plus(GROUP_WAIT));
    assertEquals(1, pages().size(), "missing at the last API beat + 3m");
    assertEquals(T0.plus(Duration.ofMinutes(7)), Instant.parse(onlyAlert(pages().get(0)).path("startsAt").asText()));
  }
}
