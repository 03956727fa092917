package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building an alert's labels from a parsed map and computing its fingerprint (6 labels). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FingerprintBenchmark {
  private static final int VARIETY = 1024;
  private Map<String, String>[] maps;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    maps = new Map[VARIETY];
    for (int i = 0; i < VARIETY; i++) {
      maps[i] = StormAlerts.labelMap(i * 19);
    }
  }

  @Benchmark
  public Fingerprint labelsAndFingerprint() {
    Map<String, String> m = maps[next++ & (VARIETY - 1)];
    return Labels.of(m).fingerprint();
  }
}
