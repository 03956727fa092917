package loadbench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The side-by-side table, in Markdown so that it pastes into bench/README.md as printed. */
final class Report {
  private final Options options;
  private final Map<String, RunResult> results;

  Report(Options options, Map<String, RunResult> results) {
    this.options = options;
    this.results = results;
  }

  /** Runs that failed requests or delivered nothing: the smoke run fails on them. */
  int failures() {
    int n = 0;
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      RunResult r = e.getValue();
      if (r.pushed().failed() > 0 || r.pushed().requests() < r.requestsPlanned() || r.notifications() == 0) {
        LoadBench.log("FAILED: " + e.getKey() + " failed " + r.pushed().failed() + " requests, sent "
            + r.pushed().requests() + " of " + r.requestsPlanned() + ", delivered " + r.notifications() + " notifications");
        n++;
      }
    }
    return n;
  }

  String markdown() {
    RunResult router = results.get("alert-router");
    RunResult am = results.get("alertmanager");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Load benchmark, %s, %d cores (%s)%n%n",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch")));
    sb.append(String.format(Locale.ROOT,
        "Storm: %,d distinct alerts (%d alertnames, %d services, %d teams, 3 severities) pushed %d times, "
            + "%d alerts a request, %d concurrent senders, after a warm-up of %,d other alerts; group_wait %s.%n%n",
        options.alerts(), options.alertnames(), options.services(), options.teams(), options.rounds(),
        options.perRequest(), options.senders(), options.warmupAlerts(), options.groupWait()));
    sb.append("| | alert-router | Alertmanager 0.25 | alert-router / Alertmanager |\n");
    sb.append("|---|---:|---:|---:|\n");
    row(sb, "alerts per second", router, am, r -> r.pushed().alertsPerSecond(), "%,.0f");
    row(sb, "p50 request latency (ms)", router, am, r -> r.pushed().percentileMillis(50), "%.2f");
    row(sb, "p99 request latency (ms)", router, am, r -> r.pushed().percentileMillis(99), "%.2f");
    row(sb, "notifications delivered", router, am, r -> (double) r.notifications(), "%,.0f");
    row(sb, "alerts in those notifications", router, am, r -> (double) r.notifiedAlerts(), "%,.0f");
    row(sb, "resident memory after the storm (MiB)", router, am, r -> r.rssKib() / 1024.0, "%,.0f");
    row(sb, "peak resident memory (MiB)", router, am, r -> r.peakRssKib() / 1024.0, "%,.0f");
    row(sb, "server CPU per 1,000 alerts (ms)", router, am, r -> r.stormCpuSeconds() * 1e6 / r.pushed().alerts(), "%.1f");
    row(sb, "failed requests", router, am, r -> (double) r.pushed().failed(), "%,.0f");
    if (router != null && am != null) {
      sb.append('\n').append(router.notifications() == am.notifications() && router.notifiedAlerts() == am.notifiedAlerts()
          ? "Both delivered the same notifications.\n"
          : "The notifications DIFFER.\n");
    }
    if (router != null) {
      sb.append(router.dataFiles().isEmpty()
          ? "alert-router persistence: off (nothing written under --data).\n"
          : "alert-router persistence: on (under --data: " + String.join(", ", router.dataFiles()) + ").\n");
      sb.append("alert-router JVM options: ").append(String.join(" ", options.jvmOptions())).append('\n');
    }
    return sb.toString();
  }

  private interface Figure {
    double of(RunResult r);
  }

  private static void row(StringBuilder sb, String label, RunResult router, RunResult am, Figure f, String format) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    cells.add(router == null ? "–" : String.format(Locale.ROOT, format, f.of(router)));
    cells.add(am == null ? "–" : String.format(Locale.ROOT, format, f.of(am)));
    if (router != null && am != null && f.of(am) != 0) {
      cells.add(String.format(Locale.ROOT, "%.2f×", f.of(router) / f.of(am)));
    } else {
      cells.add("–");
    }
    sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
