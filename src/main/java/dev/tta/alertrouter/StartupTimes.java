package dev.tta.alertrouter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long last;
  private long lastCpu;

  private StartupTimes(long jvmMillis, long now) {
    this.jvmMillis = jvmMillis;
    this.last = now;
    this.lastCpu = threads.getCurrentThreadCpuTime();
  }

  static StartupTimes begin() {
    return new StartupTimes(ManagementFactory.getRuntimeMXBean().getUptime(), System.nanoTime());
  }

  /**
   * Ends the step called {@code name}: its elapsed time and the CPU time the starting thread spent
   * in it (the rest of the elapsed time it waited: for a core, or for the store).
   */
  void mark(String name) {
    long now = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    steps.add(name + " " + (now - last) / 1_000_000 + " ms (" + (cpu - lastCpu) / 1_000_000 + " CPU)");
    last = now;
    lastCpu = cpu;
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
