package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookCoverageTest {
  static final Path SHIPPED_RULES = Path.of("deploy/prometheus/rules/tta-alerts.yml");

  @TempDir Path dir;

  @Test
  void theShippedRunbooksCoverEveryShippedRule() {
    RunbookCoverage.Report report = RunbookCoverage.check(RunbookFiles.load(Path.of("runbooks")), List.of(SHIPPED_RULES));
    assertTrue(report.passed(), report.text());
    assertEquals(0, report.exitCode());
    assertTrue(report.text().contains("Runbook coverage of 14 alerting rules in " + SHIPPED_RULES), report.text());
    assertTrue(report.text().contains("  P0: 3 rules, 3 covered, 0 without a runbook"), report.text());
    assertFalse(report.text().contains("Alerts no runbook covers"), report.text());
  }

  @Test
  void listsUncoveredAlertsByPriorityAndFailsOnAnUncoveredP0() throws IOException {
    RunbookFiles.write(dir, "down", "title: Down", "owner: platform", "alerts:", "  - TTAServiceDown",
        "  - '{alertname=\"TTAHighLatency\", service=~\"api|web\"}'");
    Path rules = Files.writeString(dir.resolve("rules.yml"), """
        groups:
          - name: g
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
              - alert: TTAServiceDown
                expr: up == 0
                labels: {severity: critical}
              - alert: TTADiskFull
                expr: disk_free == 0
                labels: {severity: page, team: platform}
              - alert: TTAHighLatency
                expr: latency > 1
                labels: {severity: warning, service: "{{ $labels.job }}"}
              - alert: TTABackupOld
                expr: backup_age > 86400
                labels: {priority: P1, severity: critical}
              - alert: TTADeployment
                expr: deploys > 0
        """);
    RunbookCoverage.Report report = RunbookCoverage.check(RunbookFiles.load(dir), List.of(rules));
    assertFalse(report.passed());
    assertEquals(1, report.exitCode());
    assertEquals("Runbook coverage of 5 alerting rules in " + rules + ":\n"
        + "  P0: 2 rules, 1 covered, 1 without a runbook\n"
        + "  P1: 2 rules, 1 covered, 1 without a runbook\n"
        + "  P2: 1 rules, 0 covered, 1 without a runbook\n"
        + "Alerts no runbook covers:\n"
        + "  P0 TTADiskFull (" + rules + ":9)\n"
        + "  P1 TTABackupOld (" + rules + ":15)\n"
        + "  P2 TTADeployment (" + rules + ":18)\n"
        + "Alerts covered only for some label values:\n"
        + "  P1 TTAHighLatency (" + rules + ":12): runbook down when service=~\"api|web\"\n"
        + "FAIL: a P0 alert has no runbook\n", report.text());
  }

  @Test
  void anUnreadableRuleFileFailsTheCheckNamingItsLine() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.yml"), "groups:\n  - name: g\n    rules: [\n");
    RunbookCoverage.Report report = RunbookCoverage.check(Runbooks.empty(), List.of(rules));
    assertFalse(report.passed());
    assertTrue(report.text().startsWith(rules + ":4: not valid YAML"), report.text());
    assertTrue(report.text().endsWith("FAIL: rule files have errors\n"), report.text());
  }

  @Test
  void promtoolAcceptsTheShippedRules() throws Exception {
    Promtool.assumeInstalled();
    Process process = new ProcessBuilder("promtool", "check", "rules", SHIPPED_RULES.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("SUCCESS: 14 rules found"), output);
  }
}
