package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteTree;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code RouteTree.match} for one alert, over trees of 10, 100 and 1,000 routes ({@link RouteTrees}
 * describes the shapes). The alerts cycle over every team, service and severity, including some that
 * no team route takes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteMatchingBenchmark {
  private static final int VARIETY = 4096;

  @Param({"10", "100", "1000"})
  public int routes;

  @Param({"teams", "flat-alternatives", "flat-regex"})
  public String shape;

  private RouteTree tree;
  private Labels[] alerts;
  private int next;

  @Setup
  public void setUp() {
    tree = RouteTree.of(RouteTrees.load(RouteTrees.yaml(shape, routes)).route());
    int teams = RouteTrees.teams(routes);
    alerts = new Labels[VARIETY];
    String[] names = {"HighLatency", "DiskFull", "ServiceDown", "Watchdog", "ErrorRate"};
    for (int i = 0; i < VARIETY; i++) {
      // 10% of alerts belong to a team no route names; services 7..9 of a team have no route of their own.
      int team = i % 10 == 0 ? teams + 1 : (i / 10) % teams;
      String service = shape.equals("teams") ? "svc-" + team + "-" + (i % 10) : "svc-" + (i * 7919 % routes);
      alerts[i] = Labels.of("alertname", names[i % names.length], "team", "team-" + team, "service", service,
          "severity", StormAlerts.SEVERITIES[i % 3], "instance", "host-" + i + ":9100", "job", "node");
    }
    if (tree.size() != routes) {
      throw new IllegalStateException("tree has " + tree.size() + " routes, not " + routes);
    }
  }

  @Benchmark
  public List<Route> match() {
    return tree.match(alerts[next++ & (VARIETY - 1)]);
  }
}
