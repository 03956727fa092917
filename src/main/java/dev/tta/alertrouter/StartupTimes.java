package dev.tta.alertrouter;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a start spends its time, for one log line (bench/README.md, "Memory and restart"): the JVM's
 * own start before {@code main} got here, then each step's elapsed milliseconds. Elapsed time on
 * the monotonic clock, not the injected {@link java.time.Clock}: this measures, it decides nothing.
 */
final class StartupTimes {
  private final long jvmMillis;
  private final List<String> steps = new ArrayList<>();
  private long last;

  private StartupTimes(long jvmMillis, long now) {
    this.jvmMillis = jvmMillis;
    this.last = now;
  }

  static StartupTimes begin() {
    return new StartupTimes(ManagementFactory.getRuntimeMXBean().getUptime(), System.nanoTime());
  }

  /** Ends the step called {@code name}. */
  void mark(String name) {
    long now = System.nanoTime();
    steps.add(name + " " + (now - last) / 1_000_000 + " ms");
    last = now;
  }

  @Override
  public String toString() {
    return "JVM and arguments " + jvmMillis + " ms, " + String.join(", ", steps)
        + " (process CPU " + processCpuMillis() + " ms)";
  }

  private static String processCpuMillis() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Long.toString(os.getProcessCpuTime() / 1_000_000);
    }
    return "?";
  }
}
