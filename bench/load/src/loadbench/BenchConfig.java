package loadbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one Alertmanager configuration both servers load: a routing tree with {@code continue}, one
 * inhibition rule, group_by [alertname, service], every receiver a webhook to the loopback sink.
 */
final class BenchConfig {
  private BenchConfig() {}

  static Path write(Path dir, int sinkPort, int teams, Duration groupWait) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("global:\n  resolve_timeout: 5m\n");
    y.append("route:\n")
        .append("  receiver: default\n")
        .append("  group_by: [alertname, service]\n")
        .append("  group_wait: ").append(groupWait.toMillis()).append("ms\n")
        .append("  group_interval: 5m\n")
        .append("  repeat_interval: 4h\n")
        .append("  routes:\n")
        .append("    - receiver: pager\n")
        .append("      matchers: ['severity=\"critical\"']\n")
        .append("      continue: true\n")
        .append("    - receiver: audit\n")
        .append("      matchers: ['alertname=~\"(Alert|Warmup[A-Z]?)0[0-4][0-9]\"']\n")
        .append("      continue: true\n");
    for (int t = 0; t < teams; t++) {
      y.append("    - receiver: team-").append(t).append('\n')
          .append("      matchers: ['team=\"team-").append(t).append("\"']\n");
      if (t == 0) {
        // a nested level: team-0's info alerts go to a ticket queue instead
        y.append("      routes:\n")
            .append("        - receiver: tickets\n")
            .append("          matchers: ['severity=\"info\"']\n");
      }
    }
    y.append("receivers:\n");
    receiver(y, "default", sinkPort);
    receiver(y, "pager", sinkPort);
    receiver(y, "audit", sinkPort);
    receiver(y, "tickets", sinkPort);
    for (int t = 0; t < teams; t++) {
      receiver(y, "team-" + t, sinkPort);
    }
    // Alert000 (critical) fires on svc-0..svc-3 from the first request on: it mutes their warnings.
    y.append("inhibit_rules:\n")
        .append("  - source_matchers: ['alertname=~\"(Alert|Warmup[A-Z]?)000\"']\n")
        .append("    target_matchers: ['severity=\"warning\"']\n")
        .append("    equal: [service]\n");
    Path file = dir.resolve("bench-alertmanager.yml");
    Files.writeString(file, y.toString());
    return file;
  }

  private static void receiver(StringBuilder y, String name, int sinkPort) {
    y.append("  - name: ").append(name).append('\n')
        .append("    webhook_configs:\n")
        .append("      - url: http://127.0.0.1:").append(sinkPort).append('/').append(name).append('\n')
        .append("        send_resolved: true\n")
        .append("        max_alerts: 0\n");
  }
}
