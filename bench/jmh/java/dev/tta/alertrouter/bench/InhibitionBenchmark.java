package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.Inhibitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code Inhibitor.isInhibited} for one target with {@code sources} firing source alerts indexed
 * ("critical mutes warning with the same service and cluster"). {@code perService} sources share each
 * service and cluster, so a target has that many matching sources; its cost should follow those, not
 * the total. {@code inhibited} asks for a target that has a source; {@code notInhibited} for one whose
 * service has none (the common case in a storm).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InhibitionBenchmark {
  private static final int VARIETY = 1024;

  @Param({"1000", "10000", "100000"})
  public int sources;

  @Param({"1", "100"})
  public int perService;

  private Inhibitor inhibitor;
  private Instant now;
  private Labels[] inhibitedTargets;
  private Labels[] freeTargets;
  private int next;

  @Setup
  public void setUp() {
    String yaml = """
        route: {receiver: default}
        receivers: [{name: default}]
        inhibit_rules:
          - source_matchers: ['severity="critical"']
            target_matchers: ['severity="warning"']
            equal: [service, cluster]
        """;
    Clock clock = Clock.systemUTC();
    now = clock.instant();
    inhibitor = new Inhibitor(RouteTrees.load(yaml).inhibitRules(), clock);
    int services = sources / perService;
    List<Alert> firing = new ArrayList<>(sources);
    for (int i = 0; i < sources; i++) {
      Labels labels = Labels.of("alertname", "ServiceDown", "severity", "critical", "service", "svc-" + (i % services),
          "cluster", "eu-1", "instance", "host-" + i);
      firing.add(new Alert(labels, Map.of(), now, now.plus(Duration.ofHours(1)), "", now));
    }
    inhibitor.onAlerts(firing);
    inhibitedTargets = new Labels[VARIETY];
    freeTargets = new Labels[VARIETY];
    for (int i = 0; i < VARIETY; i++) {
      inhibitedTargets[i] = target("svc-" + (i * 7919 % services), i);
      freeTargets[i] = target("other-" + i, i);
    }
    if (isInhibited(inhibitedTargets[1]).isEmpty() || isInhibited(freeTargets[1]).isPresent()) {
      throw new IllegalStateException("benchmark inhibition is not set up as described");
    }
  }

  private static Labels target(String service, int i) {
    return Labels.of("alertname", "HighLatency", "severity", "warning", "service", service, "cluster", "eu-1",
        "instance", "host-" + i);
  }

  private Optional<InhibitionReason> isInhibited(Labels target) {
    return inhibitor.isInhibited(target, now);
  }

  @Benchmark
  public Optional<InhibitionReason> inhibited() {
    return isInhibited(inhibitedTargets[next++ & (VARIETY - 1)]);
  }

  @Benchmark
  public Optional<InhibitionReason> notInhibited() {
    return isInhibited(freeTargets[next++ & (VARIETY - 1)]);
  }
}
