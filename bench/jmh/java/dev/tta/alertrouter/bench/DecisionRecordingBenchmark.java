package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.ExecutorScheduler;
import dev.tta.alertrouter.dispatch.Placement;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.explain.Verdict;
import dev.tta.alertrouter.explain.Verdicts;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.severity.Classification;
import dev.tta.alertrouter.severity.SeverityClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The decision record of one resent alert, as the server's {@code DecisionObserver} keeps it for every
 * copy of a storm: its receipt (a duplicate), its priority, its team, and each route and group that
 * took it — the decision metrics, the explain record and the decision log (debug off, as served).
 * bench/load's alerts and tree (1 to 3 routes per alert). Classification, team and placements are
 * computed once in setup, so only the recording is measured. {@code capacity} is the explain record's:
 * 40,000 remembers all 20,000 alerts (every decision folds into its story); 10,000, the default, is
 * what a storm of 20,000 alerts meets (stories are evicted and started again).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionRecordingBenchmark {
  static final int ALERTS = 20_000;

  @Param({"40000", "10000"})
  public long capacity;

  private final Clock clock = Clock.systemUTC();
  private ExecutorScheduler scheduler;
  private DecisionMetrics metrics;
  private ExplainRecorder explain;
  private DecisionLog log;
  private Alert[] copies;
  private Alert[] routed;
  private Classification[] classifications;
  private String[] teams;
  private List<Placement>[] placements;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    RouterConfig config = RouteTrees.load(RouteTrees.STORM_TREE);
    scheduler = new ExecutorScheduler("bench", 1);
    Dispatcher dispatcher = new Dispatcher(RouteTree.of(config.route()), (context, alerts) -> alerts, scheduler, clock);
    SeverityClassifier classifier = new SeverityClassifier(config.severity());
    TeamRoutes teamRoutes = new TeamRoutes(config.teams());
    metrics = new DecisionMetrics(new RouterMetrics("bench"));
    explain = new ExplainRecorder(capacity);
    log = new DecisionLog(LogFormat.TEXT, System.out);
    Instant now = clock.instant();
    copies = new Alert[ALERTS];
    routed = new Alert[ALERTS];
    classifications = new Classification[ALERTS];
    teams = new String[ALERTS];
    placements = new List[ALERTS];
    for (int j = 0; j < ALERTS; j++) {
      Alert first = new Alert(StormAlerts.labels(j), StormAlerts.annotations(j), now, now.plus(Duration.ofMinutes(4)), "", now);
      copies[j] = first.withTimes(now, now.plus(Duration.ofMinutes(5)), now.plusSeconds(1));
      classifications[j] = classifier.classify(first.labels());
      routed[j] = copies[j].withDerivedLabels(classifications[j].labels());
      teams[j] = teamRoutes.countAs(routed[j].labels());
      placements[j] = dispatcher.process(routed[j]);
    }
    dispatcher.stop();
    for (int j = 0; j < ALERTS; j++) {
      recordResent(j);
    }
  }

  @TearDown
  public void tearDown() {
    scheduler.close();
  }

  /** Drops every story (for {@link ExplainStoryHeap}). */
  void forgetStories() {
    explain = new ExplainRecorder(0);
  }

  @Benchmark
  public void recordResentAlert() {
    int j = next++;
    if (next == ALERTS) {
      next = 0;
    }
    recordResent(j);
  }

  /** What DecisionObserver.received and .routed do for one copy. */
  private void recordResent(int j) {
    Alert copy = copies[j];
    Instant now = clock.instant();
    Verdict receipt = Verdicts.received(copy, now);
    boolean folded = explain.record(copy, now, receipt);
    if (log.decisionsEnabled()) {
      log.decision(copy, receipt.takenAt(now));
    }
    if (folded) {
      metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_AT_INTAKE);
    }
    Alert alert = routed[j];
    Classification c = classifications[j];
    metrics.priorityAssigned(c.priority(), c.reason());
    metrics.teamRouted(teams[j]);
    List<Verdict> verdicts = new ArrayList<>(2 + 2 * placements[j].size());
    verdicts.add(Verdicts.priority(c));
    verdicts.add(Verdicts.team(teams[j]));
    for (Placement p : placements[j]) {
      metrics.routeMatched(p.route().receiver());
      verdicts.add(Verdicts.route(p.route()));
      verdicts.add(Verdicts.group(p.groupKey(), p.route().receiver()));
    }
    Instant at = clock.instant();
    explain.record(alert, at, verdicts);
    if (log.decisionsEnabled()) {
      verdicts.forEach(v -> log.decision(alert, v.takenAt(at)));
    }
  }
}
