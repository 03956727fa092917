package loadbench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side table, in Markdown so that it pastes into bench/README.md as printed. With
 * {@code --repeat}, each figure is the median over a server's runs (the servers take turns).
 */
final class Report {
  private final Options options;
  private final Map<String, List<RunResult>> results;

  Report(Options options, Map<String, List<RunResult>> results) {
    this.options = options;
    this.results = results;
  }

  /** Runs that failed requests or delivered nothing: the smoke run fails on them. */
  int failures() {
    int n = 0;
    for (Map.Entry<String, List<RunResult>> e : results.entrySet()) {
      for (RunResult r : e.getValue()) {
        if (r.pushed().failed() > 0 || r.pushed().requests() < r.requestsPlanned() || r.notifications() == 0) {
          LoadBench.log("FAILED: " + e.getKey() + " failed " + r.pushed().failed() + " requests, sent "
              + r.pushed().requests() + " of " + r.requestsPlanned() + ", delivered " + r.notifications() + " notifications");
          n++;
        }
      }
    }
    return n;
  }

  String markdown() {
    List<RunResult> router = results.get("alert-router");
    List<RunResult> am = results.get("alertmanager");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Load benchmark, %s, %d cores (%s)%n%n",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch")));
    sb.append(String.format(Locale.ROOT,
        "Storm: %,d distinct alerts (%d alertnames, %d services, %d teams, 3 severities) pushed %d times, "
            + "%d alerts a request, %d concurrent senders, after a warm-up of %s pushed %d times; group_wait %d ms. "
            + "The servers ran one after the other%s.%n%n",
        options.alerts(), options.alertnames(), options.services(), options.teams(), options.rounds(),
        options.perRequest(), options.senders(), warmupText(), options.warmupRounds(), options.groupWait().toMillis(),
        options.repeat() > 1 ? ", taking turns, " + options.repeat() + " runs each; figures are medians" : ""));
    sb.append("| | alert-router | Alertmanager 0.25 | alert-router / Alertmanager |\n");
    sb.append("|---|---:|---:|---:|\n");
    row(sb, "alerts per second", router, am, r -> r.pushed().alertsPerSecond(), "%,.0f");
    row(sb, "p50 request latency (ms)", router, am, r -> r.pushed().percentileMillis(50), "%.2f");
    row(sb, "p99 request latency (ms)", router, am, r -> r.pushed().percentileMillis(99), "%.2f");
    row(sb, "notifications delivered", router, am, r -> r.notifications(), "%,.0f");
    row(sb, "alerts in those notifications", router, am, r -> r.notifiedAlerts(), "%,.0f");
    row(sb, "resident memory after the storm (MiB)", router, am, r -> r.rssKib() / 1024.0, "%,.0f");
    row(sb, "peak resident memory (MiB)", router, am, r -> r.peakRssKib() / 1024.0, "%,.0f");
    row(sb, "server CPU per 1,000 alerts (ms)", router, am, r -> r.stormCpuSeconds() * 1e6 / r.pushed().alerts(), "%.1f");
    row(sb, "failed requests", router, am, r -> r.pushed().failed(), "%,.0f");
    if (router != null && am != null) {
      sb.append('\n').append(sameNotifications(router, am)
          ? "Every run of both delivered the same notifications.\n"
          : "The notifications DIFFER between runs or servers.\n");
    }
    if (router != null) {
      List<String> files = router.get(router.size() - 1).dataFiles();
      sb.append(files.isEmpty()
          ? "alert-router persistence: off (nothing written under --data).\n"
          : "alert-router persistence: on (under --data: " + String.join(", ", files) + ").\n");
      sb.append("alert-router JVM options: ").append(String.join(" ", options.jvmOptions())).append('\n');
    }
    return sb.toString();
  }

  private String warmupText() {
    int passes = options.warmupPasses();
    return passes == 1
        ? String.format(Locale.ROOT, "%,d other alerts", options.warmupAlerts())
        : String.format(Locale.ROOT, "%d passes of %,d other alerts each", passes, options.warmupAlerts() / passes);
  }

  private static boolean sameNotifications(List<RunResult> router, List<RunResult> am) {
    List<RunResult> all = new ArrayList<>(router);
    all.addAll(am);
    return all.stream().allMatch(r -> r.notifications() == all.get(0).notifications()
        && r.notifiedAlerts() == all.get(0).notifiedAlerts());
  }

  private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  private static void row(StringBuilder sb, String label, List<RunResult> router, List<RunResult> am,
      ToDoubleFunction<RunResult> figure, String format) {
    List<String> cells = new ArrayList<>(Arrays.asList(label,
        router == null ? "–" : String.format(Locale.ROOT, format, median(router, figure)),
        am == null ? "–" : String.format(Locale.ROOT, format, median(am, figure))));
    if (router != null && am != null && median(am, figure) != 0) {
      cells.add(String.format(Locale.ROOT, "%.2f×", median(router, figure) / median(am, figure)));
    } else {
      cells.add("–");
    }
    sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
