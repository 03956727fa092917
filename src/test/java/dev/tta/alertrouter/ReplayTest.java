package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.cli.RootCommand;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.ParseResult;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import dev.tta.alertrouter.replay.CaptureSource;
import dev.tta.alertrouter.replay.ReplayDiff;
import dev.tta.alertrouter.replay.ReplayRun;
import dev.tta.alertrouter.replay.SentNotification;
import dev.tta.alertrouter.replay.StormCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** replay over a capture made of the recorded fixtures and a seeded storm. */
class ReplayTest {
  static final Instant START = Instant.parse("2026-11-24T18:00:00Z");

  static final String BASELINE = """
      route:
        receiver: default
        group_by: [alertname, service]
        group_wait: 30s
        group_interval: 5m
        repeat_interval: 1h
        routes:
          - matchers: ['severity="critical"']
            receiver: critical-alerts
            group_wait: 0s
            repeat_interval: 30m
      inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [service]
      receivers:
        - name: default
          webhook_configs: [{url: 'http://hooks.test/default', send_resolved: true}]
        - name: critical-alerts
          webhook_configs: [{url: 'http://hooks.test/critical', send_resolved: true}]
        - name: platform-team
          webhook_configs: [{url: 'http://hooks.test/platform', send_resolved: true}]
        - name: db-team
          webhook_configs: [{url: 'http://hooks.test/db', send_resolved: true}]
        - name: db-oncall
          webhook_configs: [{url: 'http://hooks.test/db-oncall', send_resolved: true}]
        - name: web-team
          webhook_configs: [{url: 'http://hooks.test/web', send_resolved: false}]
      teams:
        platform: {receivers: {P0: [platform-team], P1: [platform-team], P2: [platform-team]}}
        db: {receivers: {P0: [db-team], P1: [db-team], P2: [db-team]}}
        web: {receivers: {P0: [web-team], P1: [web-team], P2: [web-team]}}
      """;

  @TempDir static Path dir;
  static Path capture;
  static Path baseline;

  /** The seeded storm, with every recorded fixture payload parsed as intake parses it, in time order. */
  static List<CaptureRecord> capture() throws Exception {
    List<CaptureRecord> records = new ArrayList<>(new StormCapture(17, 120, Duration.ofMinutes(1))
        .generate(START, Duration.ofHours(6)));
    ManualClock clock = new ManualClock(Instant.parse("2026-11-24T19:10:00Z"));
    try (Stream<Path> files = Files.list(Fixtures.ALERTMANAGER)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        clock.advance(Duration.ofSeconds(7));
        ParseResult.Batch batch = (ParseResult.Batch) new AlertmanagerWebhookParser(clock).parse(Files.readAllBytes(f));
        records.add(new CaptureRecord(clock.instant(), "alertmanager", batch.alerts()));
      }
    }
    clock.advance(Duration.ofSeconds(7));
    ParseResult.Batch push = (ParseResult.Batch) new PrometheusPushParser(clock, Duration.ofMinutes(5))
        .parse(Files.readAllBytes(Fixtures.PROMETHEUS_PUSH));
    records.add(new CaptureRecord(clock.instant(), "prometheus", push.alerts()));
    records.sort(Comparator.comparing(CaptureRecord::receivedAt));
    return records;
  }

  @BeforeAll
  static void write() throws Exception {
    capture = dir.resolve("capture.ndjson");
    Files.write(capture, capture().stream().map(CaptureCodec::line).toList());
    baseline = Files.writeString(dir.resolve("baseline.yml"), BASELINE);
  }

  static ReplayRun run(Path config) throws Exception {
    return Replayer.load(config, Map.of()).run(CaptureSource.ofFile(capture), Replayer.DEFAULT_TAIL);
  }

  @Test
  void theSameConfigurationChangesNothing() throws Exception {
    Path copy = Files.writeString(dir.resolve("same.yml"), BASELINE);
    ReplayRun before = run(baseline);
    ReplayRun after = run(copy);
    assertTrue(before.notifications().size() > 500, "the storm must notify a lot: " + before.notifications().size());
    assertTrue(before.alerts().values().stream().anyMatch(a -> a.muted().contains("inhibited")), "some alerts are inhibited");
    ReplayDiff diff = ReplayDiff.of(before, after);
    assertFalse(diff.differs(), () -> diff.alerts().toString() + diff.receivers().keySet());
    assertEquals(before.notifications(), after.notifications());
  }

  @Test
  void movingOneTeamMovesExactlyThatTeamsNotifications() throws Exception {
    Path candidate = Files.writeString(dir.resolve("candidate.yml"),
        BASELINE.replace("db: {receivers: {P0: [db-team], P1: [db-team], P2: [db-team]}}",
            "db: {receivers: {P0: [db-oncall], P1: [db-oncall], P2: [db-oncall]}}"));
    ReplayRun before = run(baseline);
    ReplayRun after = run(candidate);
    ReplayDiff diff = ReplayDiff.of(before, after);
    assertTrue(diff.differs());

    // Per alert: only db's alerts, and only their receivers.
    assertFalse(diff.alerts().isEmpty());
    for (ReplayDiff.AlertChange a : diff.alerts()) {
      assertTrue(a.labels().contains("team=\"db\""), a.toString());
      assertEquals(List.of("receivers"), a.changes().stream().map(ReplayDiff.FieldChange::field).toList(), a.toString());
      assertEquals("db-team", a.changes().get(0).baseline());
      assertEquals("db-oncall", a.changes().get(0).candidate());
    }
    long dbNotCritical = before.alerts().values().stream()
        .filter(a -> a.labels().contains("team=\"db\"") && a.receivers().contains("db-team")).count();
    assertEquals(dbNotCritical, diff.alerts().size());

    // Per receiver: what db-team no longer gets, db-oncall gets, at the same times, in the same groups.
    assertEquals(List.of("db-oncall", "db-team"), List.copyOf(diff.receivers().keySet()));
    ReplayDiff.ReceiverChange gone = diff.receivers().get("db-team");
    ReplayDiff.ReceiverChange added = diff.receivers().get("db-oncall");
    assertTrue(gone.newlySent().isEmpty() && gone.atOtherTimes().isEmpty());
    assertTrue(added.noLongerSent().isEmpty() && added.atOtherTimes().isEmpty());
    assertFalse(gone.noLongerSent().isEmpty());
    assertEquals(moved(gone.noLongerSent()), moved(added.newlySent()));
    assertEquals(gone.noLongerSent().size(), diff.totals().noLongerSent());
    assertEquals(before.notifications().size(), after.notifications().size());

    // Everything else: the very same notifications.
    assertEquals(others(before), others(after));
  }

  @Test
  void aShadowRouteShowsAsNotificationsThatWouldBeRecordedNotSent() throws Exception {
    Path candidate = Files.writeString(dir.resolve("shadow.yml"), BASELINE.replace("  routes:\n",
        "  routes:\n    - matchers: ['team=\"web\"']\n      receiver: db-oncall\n      shadow: true\n      continue: true\n"));
    ReplayDiff diff = ReplayDiff.of(run(baseline), run(candidate));
    assertEquals(List.of("db-oncall"), List.copyOf(diff.receivers().keySet()));
    List<SentNotification> shadows = diff.receivers().get("db-oncall").newlySent();
    assertFalse(shadows.isEmpty());
    assertTrue(shadows.stream().allMatch(SentNotification::shadow));
    assertFalse(diff.alerts().isEmpty());
    assertTrue(diff.alerts().stream().allMatch(a -> a.labels().contains("team=\"web\"")));
  }

  @Test
  void theCommandPrintsTheDifferenceAndFailsWhenAChangeWasNotExpected() throws Exception {
    Path candidate = Files.writeString(dir.resolve("candidate-cli.yml"),
        BASELINE.replace("db: {receivers: {P0: [db-team], P1: [db-team], P2: [db-team]}}",
            "db: {receivers: {P0: [db-oncall], P1: [db-oncall], P2: [db-oncall]}}"));
    String[] changed = run("replay", "--config", candidate.toString(), "--baseline", baseline.toString(),
        "--capture", capture.toString(), "--expect-no-change", "--limit", "3");
    assertEquals("1", changed[0], changed[2]);
    assertTrue(changed[1].contains("receiver db-oncall: "), changed[1]);
    assertTrue(changed[1].contains("  receivers: db-team -> db-oncall"), changed[1]);
    assertTrue(changed[1].lines().reduce((a, b) -> b).orElseThrow().startsWith("totals: "), changed[1]);

    String[] same = run("replay", "--config", baseline.toString(), "--baseline", baseline.toString(),
        "--capture", capture.toString(), "--expect-no-change", "--json");
    assertEquals("0", same[0], same[2]);
    assertTrue(same[1].startsWith("{\"differs\":false,\"alerts\":[],\"receivers\":{}"), same[1]);

    String[] json = run("replay", "--config", candidate.toString(), "--baseline", baseline.toString(),
        "--capture", capture.toString(), "--json");
    assertEquals("0", json[0], "without --expect-no-change a difference is not a failure");
    assertTrue(json[1].contains("\"db-oncall\":{\"newlySent\":[{"), json[1].substring(0, 300));
  }

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  private static List<String> moved(List<SentNotification> notifications) {
    return notifications.stream().map(n -> n.at() + " " + n.groupKey() + " " + n.firing() + " " + n.resolved())
        .sorted().toList();
  }

  private static Map<String, List<SentNotification>> others(ReplayRun run) {
    return run.notifications().stream()
        .filter(n -> !n.receiver().equals("db-team") && !n.receiver().equals("db-oncall"))
        .collect(Collectors.groupingBy(SentNotification::receiver));
  }
}
