package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.RouterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Alertmanager configurations with a route tree of a given size, loaded as the server loads them.
 *
 * <ul>
 *   <li>{@code teams}: what a large organisation writes. Two routes at the top ({@code severity}
 *       with continue, a regex on alertname), then one route per team, each with seven service
 *       routes, a regex route with continue and a severity route.
 *   <li>{@code flat-alternatives}: every route a sibling of the others with a regex of literal
 *       alternatives on the service ({@code svc-7|svc-7-canary}), which the tree indexes.
 *   <li>{@code flat-regex}: the worst case, every route a sibling of the others with a real regex
 *       on the service ({@code svc-7(-.*)?}); no index can narrow them, so each alert is tried
 *       against them in turn, as Alertmanager does.
 * </ul>
 */
final class RouteTrees {
  /**
   * The load benchmark's routing tree (bench/load: 9 routes, two of them with {@code continue}),
   * group_wait an hour so that nothing flushes while a benchmark runs.
   */
  static final String STORM_TREE = """
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 1h
          routes:
            - {receiver: pager, matchers: ['severity="critical"'], continue: true}
            - {receiver: audit, matchers: ['alertname=~"Alert0[0-4][0-9]"'], continue: true}
            - {receiver: team-0, matchers: ['team="team-0"'], routes: [{receiver: tickets, matchers: ['severity="info"']}]}
            - {receiver: team-1, matchers: ['team="team-1"']}
            - {receiver: team-2, matchers: ['team="team-2"']}
            - {receiver: team-3, matchers: ['team="team-3"']}
            - {receiver: team-4, matchers: ['team="team-4"']}
        receivers: [{name: default}, {name: pager}, {name: audit}, {name: tickets},
                    {name: team-0}, {name: team-1}, {name: team-2}, {name: team-3}, {name: team-4}]
        """;

  private RouteTrees() {}

  /** Number of teams in a {@code teams} tree of {@code routes} routes. */
  static int teams(int routes) {
    return Math.max(1, (routes - 3) / 10);
  }

  static String yaml(String shape, int routes) {
    StringBuilder y = new StringBuilder("route:\n  receiver: default\n  group_by: [alertname, service]\n  routes:\n");
    int count = 1;
    if (shape.equals("teams")) {
      y.append("    - {receiver: pager, matchers: ['severity=\"critical\"'], continue: true}\n");
      y.append("    - {receiver: blackhole, matchers: ['alertname=~\"Watchdog|InfoInhibitor\"']}\n");
      count += 2;
      for (int t = 0; count < routes; t++) {
        y.append("    - receiver: r\n      matchers: ['team=\"team-").append(t).append("\"']\n      routes:\n");
        count++;
        for (int k = 0; k < 9 && count < routes; k++, count++) {
          String matcher = k < 7 ? "service=\"svc-" + t + "-" + k + "\""
              : k == 7 ? "alertname=~\"Disk.*|Filesystem.*\"" : "severity=\"info\"";
          y.append("        - {receiver: r, matchers: ['").append(matcher).append("']")
              .append(k == 7 ? ", continue: true}\n" : "}\n");
        }
        if (y.toString().endsWith("routes:\n")) {
          y.setLength(y.length() - "      routes:\n".length());
        }
      }
    } else if (shape.equals("flat-alternatives")) {
      for (int i = 0; count < routes; i++, count++) {
        y.append("    - {receiver: r, matchers: ['service=~\"svc-").append(i).append("|svc-").append(i).append("-canary\"']}\n");
      }
    } else if (shape.equals("flat-regex")) {
      for (int i = 0; count < routes; i++, count++) {
        y.append("    - {receiver: r, matchers: ['service=~\"svc-").append(i).append("(-.*)?\"']}\n");
      }
    } else {
      throw new IllegalArgumentException("unknown shape " + shape);
    }
    y.append("receivers:\n  - name: default\n  - name: pager\n  - name: blackhole\n  - name: r\n");
    return y.toString();
  }

  static RouterConfig load(String yaml) {
    try {
      Path file = Files.createTempFile("bench-routes", ".yml");
      try {
        Files.writeString(file, yaml);
        LoadResult result = new ConfigLoader(Map.of()).load(file);
        if (!result.ok()) {
          throw new IllegalStateException("benchmark config does not load: " + result.errors());
        }
        return result.config();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
