package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code routes} commands on the shipped routing-rules/ and the fixtures' Alertmanager config.
 * Exact output for arbitrary trees is checked against amtool by the routing package's differential
 * test; this covers what amtool has no counterpart for.
 */
class RoutesCommandTest {
  private static final String FIXTURE_CONFIG = Fixtures.ALERTMANAGER_CONFIG.toString();

  @TempDir Path dir;

  @Test
  void shipsTheSeedsTreeByDefault() {
    CommandRun run = CommandRun.of("routes", "show");
    assertEquals(
        """
        Routing tree:
        .
        └── default-route  receiver: default
            ├── {alertname="HeartbeatMissing",heartbeat="prometheus-tta-production"}  receiver: critical-alerts
            ├── {alertname="Watchdog"}  receiver: watchdog
            ├── {severity="critical"}  receiver: critical-alerts
            ├── {team="cost-optimization"}  receiver: cost-team
            └── {team="platform"}  receiver: platform-team

        """,
        run.out());
    assertEquals(0, run.exitCode());
  }

  @Test
  void testPrintsTheReceiversOfTheShippedRules() {
    assertEquals("critical-alerts\n", CommandRun.of("routes", "test", "severity=critical", "team=platform").out());
    assertEquals("platform-team\n", CommandRun.of("routes", "test", "severity=warning", "team=platform").out());
    assertEquals("cost-team\n", CommandRun.of("routes", "test", "team=\"cost-optimization\"").out());
    assertEquals("default\n", CommandRun.of("routes", "test", "alertname=Anything").out());
  }

  @Test
  void testDrawsTheMatchingBranchWithTree() {
    CommandRun run = CommandRun.of("routes", "test", "--config", FIXTURE_CONFIG, "--tree", "truncate=yes");
    assertEquals(
        "Matching routes:\n.\n└── default-route\n    └── {truncate=\"yes\"}  receiver: router-truncated\n\n\nrouter-truncated\n",
        run.out());
  }

  @Test
  void verifyReceiversFailsOnADifferentAnswer() {
    CommandRun ok = CommandRun.of("routes", "test", "--config", FIXTURE_CONFIG, "--verify.receivers=router", "alertname=X");
    assertEquals(0, ok.exitCode());
    assertEquals("router\n", ok.out());
    CommandRun wrong = CommandRun.of("routes", "test", "--config", FIXTURE_CONFIG, "--verify.receivers=router", "truncate=yes");
    assertEquals(1, wrong.exitCode());
    assertEquals("router-truncated\nWARNING: Expected receivers did not match resolved receivers.\n", wrong.out());
  }

  @Test
  void labelThatIsNotAnEqualityIsRefused() {
    CommandRun run = CommandRun.of("routes", "test", "--config", FIXTURE_CONFIG, "team=~platform");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals("error: Failed to parse labels: labels must be specified as key=value pairs\n", run.err());
  }

  @Test
  void malformedLabelIsRefused() {
    CommandRun run = CommandRun.of("routes", "test", "--config", FIXTURE_CONFIG, "1team=platform");
    assertEquals(1, run.exitCode());
    assertEquals("error: Failed to parse labels: bad matcher format: 1team=platform\n", run.err());
  }

  @Test
  void configErrorsArePrintedOnePerLine() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("bad.yml"),
            """
            route:
              receiver: default
              routes:
                - matchers: ['team=~"(?=x)"']
                  receiver: nobody
            receivers:
              - name: default
            """);
    for (String command : new String[] {"show", "test"}) {
      CommandRun run = CommandRun.of("routes", command, "--config", config.toString());
      assertEquals(1, run.exitCode());
      assertEquals("", run.out());
      String[] lines = run.err().split("\n");
      assertEquals(2, lines.length, run.err());
      assertTrue(lines[0].startsWith(config + ":4: "), lines[0]);
      assertTrue(lines[0].contains("invalid or unsupported Perl syntax: `(?=`"), lines[0]);
      assertTrue(lines[1].startsWith(config + ":5: "), lines[1]);
      assertTrue(lines[1].contains("nobody"), lines[1]);
    }
  }

  @Test
  void casesAllPassingSayHowMany() throws IOException {
    Path cases =
        Files.writeString(
            dir.resolve("cases.yml"),
            """
            - labels: {alertname: TTAServiceDown, severity: critical, team: platform}
              expect: [critical-alerts]
            - labels: {team: platform}
              expect: [platform-team]
            - labels: {team: cost-optimization, severity: warning}
              expect: [cost-team]
            - labels: {}
              expect: [default]
            """);
    CommandRun run = CommandRun.of("routes", "test", "--cases", cases.toString());
    assertEquals("4 passed, 0 failed\n", run.out());
    assertEquals(0, run.exitCode());
  }

  @Test
  void failingCasesPrintOneFailLineEachAndExit1() throws IOException {
    Path cases =
        Files.writeString(
            dir.resolve("cases.yml"),
            """
            - labels: {team: platform, severity: critical}
              expect: [platform-team]
            - labels: {team: platform}
              expect: [platform-team]
            - labels: {alertname: X}
              expect: [default, cost-team]
            """);
    CommandRun run = CommandRun.of("routes", "test", "--cases", cases.toString());
    assertEquals(
        """
        FAIL {severity="critical", team="platform"}: expected [platform-team], got [critical-alerts]
        FAIL {alertname="X"}: expected [default, cost-team], got [default]
        1 passed, 2 failed
        """,
        run.out());
    assertEquals(1, run.exitCode());
  }

  @Test
  void unusableCasesFileIsReportedAndFails() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.yml"), "- labels: {team: platform}\n");
    CommandRun run = CommandRun.of("routes", "test", "--cases", cases.toString());
    assertEquals(1, run.exitCode());
    assertEquals(cases + ":1: 'expect' must be a list of receiver names\n", run.err());
  }

  @Test
  void casesAndLabelsTogetherAreRefused() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.yml"), "- labels: {}\n  expect: [default]\n");
    CommandRun run = CommandRun.of("routes", "test", "--cases", cases.toString(), "team=platform");
    assertEquals(1, run.exitCode());
    assertEquals("error: give either --cases FILE or labels, not both\n", run.err());
  }
}
