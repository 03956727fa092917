package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.ExecutorScheduler;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code Dispatcher.process} of a newer copy of an alert already in its groups (what every resend in
 * a storm is): route matching, the group key, and the update of each group it joins. The tree is
 * bench/load's (routes with continue, group_by [alertname, service]); 20,000 alerts are held, and
 * group_wait is an hour so that no flush runs while measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupUpdateBenchmark {
  private static final int ALERTS = 20_000;

  private ExecutorScheduler scheduler;
  private Dispatcher dispatcher;
  private Alert[] copies;
  private int next;

  @Setup
  public void setUp() {
    String yaml = RouteTrees.STORM_TREE;
    Clock clock = Clock.systemUTC();
    scheduler = new ExecutorScheduler("bench", 1);
    dispatcher = new Dispatcher(RouteTree.of(RouteTrees.load(yaml).route()), (context, alerts) -> alerts, scheduler, clock);
    Instant now = clock.instant();
    copies = new Alert[ALERTS];
    for (int j = 0; j < ALERTS; j++) {
      Alert alert = new Alert(StormAlerts.labels(j), StormAlerts.annotations(j), now, now.plus(Duration.ofMinutes(4)), "", now);
      dispatcher.process(alert);
      copies[j] = alert.withTimes(now, now.plus(Duration.ofMinutes(5)), now.plusSeconds(1));
    }
  }

  @TearDown
  public void tearDown() {
    dispatcher.stop();
    scheduler.close();
  }

  @Benchmark
  public void updateExistingAlert() {
    int j = next++;
    if (next == ALERTS) {
      next = 0;
    }
    dispatcher.process(copies[j]);
  }
}
