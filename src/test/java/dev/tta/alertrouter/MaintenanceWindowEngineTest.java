package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.mute.MaintenanceSilences;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.reminder.SilenceReminders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance windows and silence reminders on the manual clock through the real pipeline: SQLite
 * state, the routing engine, real webhook deliveries to a loopback peer. A recurring window (Sunday
 * 01:00-04:00 Europe/Berlin, from {@code maintenance:}) mutes exactly inside its intervals across
 * the change to summer time on 28 March 2027; its owner hears of each opening once; a long one-off
 * silence warns its owner a day before it ends and reports the alerts still firing when it ended,
 * each reminder once, restarts included.
 */
class MaintenanceWindowEngineTest {
  private static final Instant T0 = Instant.parse("2027-03-20T12:00:00Z");
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private PeerWebhook peer;
  private Path config;
  private Router router;

  /** One router process, wired as {@link App} wires it, with maintenance silences and reminders on top. */
  private final class Router implements AutoCloseable {
    final StoredRouter base;
    final ExplainRecorder explain;
    final Silences silences;
    final RoutingEngine engine;
    final SilenceReminders reminders;

    Router() throws ConfigException {
      base = new StoredRouter(config, dir.resolve("data"), clock, scheduler, T0);
      explain = base.explain;
      silences = base.silences;
      engine = base.engine;
      new MaintenanceSilences(silences, clock).apply(base.loaded.config().maintenance());
      reminders = new SilenceReminders(silences, base.persistence.alerts(), () -> new SilenceReminders.Settings(
              engine.timeIntervals(), engine.config().server().silenceReminderAfter()),
          new SilenceReminderNotifier(base.integrations, engine::config, false, clock), scheduler, clock);
      reminders.start();
    }

    /** Intake, as {@code App.onAccepted} hands a stored batch on. */
    void receive(Alert alert) {
      base.accept(base.persistence.alerts().upsertAll(List.of(alert)));
    }

    @Override
    public void close() {
      reminders.close();
      base.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    config = Files.writeString(dir.resolve("config.yml"), """
        route:
          receiver: ops
          group_by: [alertname, probe]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
        receivers:
          - name: ops
            webhook_configs: [{url: '%s'}]
          - name: db-team
            webhook_configs: [{url: '%s'}]
        time_intervals:
          - name: sunday-night-berlin
            time_intervals:
              - weekdays: [sunday]
                times: [{start_time: '01:00', end_time: '04:00'}]
                location: Europe/Berlin
        maintenance:
          - name: db-patching
            matchers: ['service="db"']
            time_intervals: [sunday-night-berlin]
            owner: db-team
            until: 2027-04-30T00:00:00Z
        """.formatted(peer.url("/ops"), peer.url("/db-team")));
    router = new Router();
  }

  @AfterEach
  void stop() {
    if (router != null) {
      router.close();
    }
    peer.close();
  }

  private void advanceTo(Instant at) {
    scheduler.advance(Duration.between(clock.instant(), at));
  }

  private void restart() throws ConfigException {
    router.close();
    router = new Router();
  }

  /** The payloads one receiver got, in order. */
  private List<JsonNode> to(String receiver) {
    return peer.accepted().stream().filter(p -> p.path("receiver").asText().equals(receiver)).toList();
  }

  /**
   * Whether a new db alert, whose group flushes exactly at {@code flushAt}, reaches ops then: it is
   * sent group_wait before, and ends soon after, so only that first flush can carry it.
   */
  private boolean notifiedAt(Instant flushAt) {
    advanceTo(flushAt.minus(GROUP_WAIT));
    String probe = flushAt.toString();
    router.receive(probeAlert(flushAt));
    advanceTo(flushAt);
    return to("ops").stream().anyMatch(p -> p.path("alerts").get(0).path("labels").path("probe").asText().equals(probe));
  }

  /** The reminders about one silence its owner got. */
  private List<JsonNode> about(String silenceId) {
    return to("db-team").stream()
        .filter(p -> p.path("alerts").get(0).path("labels").path("silence").asText().equals(silenceId)).toList();
  }

  private Alert probeAlert(Instant flushAt) {
    Instant sent = flushAt.minus(GROUP_WAIT);
    return new Alert(Labels.of("alertname", "DbDown", "service", "db", "probe", flushAt.toString()), Map.of(),
        sent, flushAt.plus(Duration.ofMinutes(1)), "", sent);
  }

  private List<String> reminders(String kind) {
    List<String> texts = new ArrayList<>();
    for (JsonNode page : to("db-team")) {
      JsonNode alert = page.path("alerts").get(0);
      assertEquals("SilenceReminder", alert.path("labels").path("alertname").asText(), page.toString());
      if (alert.path("labels").path("reminder").asText().equals(kind)) {
        texts.add(alert.path("annotations").path("summary").asText());
      }
    }
    return texts;
  }

  @Test
  void aRecurringWindowMutesExactlyInsideItsIntervalsAcrossTheChangeToSummerTime() throws Exception {
    Silence window = router.silences.get("maintenance-db-patching").orElseThrow();
    assertEquals(List.of("sunday-night-berlin"), window.recurrence());
    assertEquals(Optional.of("db-team"), window.owner());
    assertTrue(window.comment().startsWith("maintenance window db-patching (recurring: sunday-night-berlin)"),
        window.comment());

    // The Sunday before: CET (UTC+1), 01:00-04:00 local is 00:00-03:00 UTC.
    assertTrue(notifiedAt(Instant.parse("2027-03-20T23:59:00Z")), "00:59 local, before the window");
    assertEquals(false, notifiedAt(Instant.parse("2027-03-21T00:00:00Z")), "01:00 local, the window opens");
    assertEquals(false, notifiedAt(Instant.parse("2027-03-21T02:59:00Z")), "03:59 local");
    assertTrue(notifiedAt(Instant.parse("2027-03-21T03:00:00Z")), "04:00 local, the end is exclusive");

    // 28 March 2027: at 01:00 UTC clocks go from 02:00 CET to 03:00 CEST, so the window is 2 hours long.
    assertTrue(notifiedAt(Instant.parse("2027-03-27T23:59:00Z")), "00:59 CET");
    assertEquals(false, notifiedAt(Instant.parse("2027-03-28T00:00:00Z")), "01:00 CET");
    assertEquals(false, notifiedAt(Instant.parse("2027-03-28T00:59:00Z")), "01:59 CET");
    assertTrue(router.explain.explain(probeAlert(Instant.parse("2027-03-28T00:59:00Z")).fingerprint()).orElseThrow()
        .decisions().stream().anyMatch(d -> d.summary().equals(
            "silenced by maintenance window db-patching (silence maintenance-db-patching); not sent to ops")),
        "explain names the window");
    assertEquals(List.of("sunday-night-berlin"), router.engine.judge(new Alert(Labels.of("alertname", "DbDown",
        "service", "db"), Map.of(), clock.instant(), null, "", clock.instant()), clock.instant()).silencedBy().stream()
        .map(id -> router.silences.get(id).orElseThrow().recurrence().get(0)).toList(), "explain names the window");
    restart();
    assertEquals(false, notifiedAt(Instant.parse("2027-03-28T01:00:00Z")), "03:00 CEST, after the restart too");
    assertEquals(false, notifiedAt(Instant.parse("2027-03-28T01:59:00Z")), "03:59 CEST");
    assertTrue(notifiedAt(Instant.parse("2027-03-28T02:00:00Z")), "04:00 CEST: a fixed UTC+1 would still mute");
    assertTrue(notifiedAt(Instant.parse("2027-03-28T02:30:00Z")), "04:30 CEST");

    // The Sunday after: CEST (UTC+2), the window is 23:00-02:00 UTC.
    assertTrue(notifiedAt(Instant.parse("2027-04-03T22:59:00Z")), "00:59 CEST");
    assertEquals(false, notifiedAt(Instant.parse("2027-04-03T23:00:00Z")), "01:00 CEST");
    assertEquals(false, notifiedAt(Instant.parse("2027-04-04T01:59:00Z")), "03:59 CEST");
    assertTrue(notifiedAt(Instant.parse("2027-04-04T02:00:00Z")), "04:00 CEST");

    List<String> openings = new ArrayList<>();
    for (JsonNode page : to("db-team")) {
      openings.add(page.path("alerts").get(0).path("startsAt").asText());
    }
    assertEquals(List.of("2027-03-21T00:00:00Z", "2027-03-28T00:00:00Z", "2027-04-03T23:00:00Z"), openings,
        "the owner hears of each opening once, the restart inside the second one included");
    assertTrue(reminders("window-opened").get(0).startsWith(
        "maintenance window of silence maintenance-db-patching (sunday-night-berlin) opened"), reminders("window-opened").get(0));
  }

  @Test
  void aLongOneOffSilenceWarnsADayBeforeAndReportsWhatStillFiresWhenItEndsOnceEach() throws Exception {
    Instant ends = T0.plus(Duration.ofDays(3));
    String id = router.silences.set(new SilenceDraft(null, List.of(Matcher.equal("service", "api")), T0, ends,
        "alice", "api migration", List.of(), Optional.of("db-team")));
    String shortId = router.silences.set(new SilenceDraft(null, List.of(Matcher.equal("service", "cache")), T0,
        T0.plus(Duration.ofHours(12)), "bob", "short, nothing fires", List.of(), Optional.of("db-team")));
    for (String name : List.of("ApiDown", "ApiSlow")) {
      router.receive(new Alert(Labels.of("alertname", name, "service", "api"), Map.of(), T0, T0.plus(Duration.ofDays(10)),
          "", T0));
    }

    advanceTo(ends.minus(Duration.ofDays(1)).minusSeconds(1));
    assertEquals(List.of(), about(shortId), "a 12h silence is not long enough; nothing it matches fires");
    assertEquals(List.of(), about(id), "nothing before the last day");
    assertEquals(List.of(), to("ops"), "both alerts are muted");
    advanceTo(ends.minus(Duration.ofDays(1)));
    assertEquals(List.of("silence " + id + " expires at " + ends + " (within a day): alerts matching"
        + " {service=\"api\"} will notify again unless it is extended"), reminders("expires-soon"));

    restart();
    advanceTo(ends.minusSeconds(1));
    assertEquals(1, about(id).size(), "not again after the restart: " + about(id));
    advanceTo(ends.plus(Duration.ofMinutes(5)));
    assertEquals(List.of("silence " + id + " expired; 2 alerts it muted are firing and will now notify"),
        reminders("expired"));
    assertEquals(2, to("ops").stream().mapToInt(p -> p.path("alerts").size()).sum(), "and they do: " + to("ops"));

    restart();
    advanceTo(ends.plus(Duration.ofHours(3)));
    assertEquals(2, about(id).size(), "each reminder once: " + about(id));
    assertEquals(List.of(), about(shortId));
  }
}
