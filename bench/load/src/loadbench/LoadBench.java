package loadbench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The side-by-side load benchmark: the same alert storm, with the same configuration, pushed to the
 * real Alertmanager and to alert-router, one after the other on this machine (so they never compete
 * for its cores), then a table of both and their ratios.
 */
public final class LoadBench {
  private final Options options;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private LoadBench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    int failures = new LoadBench(options).run();
    System.exit(failures == 0 ? 0 : 1);
  }

  private int run() throws Exception {
    Path dir = options.workDir() != null ? Files.createDirectories(options.workDir()) : Files.createTempDirectory("loadbench");
    Map<String, List<RunResult>> results = new LinkedHashMap<>();
    // With --trace-sampling, alert-router exports its spans over OTLP/HTTP to a second loopback sink
    // (it answers 200 to every POST; its counts are not read), so the cost of tracing is measured.
    try (WebhookSink sink = new WebhookSink(); WebhookSink traces = new WebhookSink()) {
      Path config = BenchConfig.write(dir, sink.port(), options.teams(), options.groupWait());
      Map<String, String> routerEnv = options.tracing()
          ? Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + traces.port(),
              "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
              "OTEL_TRACES_SAMPLER_ARG", Double.toString(options.traceSampling()))
          : Map.of();
      for (int run = 1; run <= options.repeat(); run++) {
        for (String which : options.only()) {
          results.computeIfAbsent(which, w -> new ArrayList<>()).add(runOnce(which, run, dir, config, sink, routerEnv));
        }
      }
    }
    Report report = new Report(options, results);
    System.out.println(report.markdown());
    log("work dir (config, server logs): " + dir);
    return report.failures();
  }

  /** Starts one server in a fresh folder, storms it, stops it. */
  private RunResult runOnce(String which, int run, Path dir, Path config, WebhookSink sink,
      Map<String, String> routerEnv) throws Exception {
    Path serverDir = Files.createDirectories(dir.resolve(which + "-" + run));
    log("== " + which + " (run " + run + " of " + options.repeat() + "): starting");
    ServerProcess server = which.equals("alert-router")
        ? ServerProcess.alertRouter(options.jar(), options.jvmOptions(), config, serverDir, routerEnv)
        : ServerProcess.alertmanager(options.alertmanagerBinary(), config, serverDir);
    RunResult result;
    try (server) {
      result = runAgainst(server, sink);
    } catch (RuntimeException e) {
      log(which + " failed: " + e.getMessage() + "\n" + server.tail());
      throw e;
    }
    return which.equals("alert-router") ? result.withDataFiles(dataFiles(serverDir.resolve("router-data"))) : result;
  }

  private RunResult runAgainst(ServerProcess server, WebhookSink sink) throws Exception {
    sink.reset();
    server.awaitReady(client, Duration.ofSeconds(60));
    Pusher pusher = new Pusher(options.senders());

    // Warm-up: storms of other alerts through the same tree, so that both servers are measured warm.
    // Each pass has the storm's shape (new alerts, then resends) with alerts of its own: a JVM
    // compiles its hot paths during the first pass from a profile that ends in resends, and the next
    // pass's new alerts make it compile them again with both in the profile, as a server that has
    // been up for a while has them (bench/README.md). Their notifications are let out each time.
    for (int pass = 0; pass < options.warmupPasses(); pass++) {
      warmUp(pusher, server, sink, pass);
    }

    AlertSet storm = new AlertSet("Alert", options.alerts(), options.alertnames(), options.services(), options.teams());
    Instant start = Instant.now();
    List<byte[]> bodies = new ArrayList<>();
    for (int round = 0; round < options.rounds(); round++) {
      // Prometheus renews endsAt at every evaluation: each round carries a later one.
      bodies.addAll(storm.bodies(options.perRequest(), start, start.plus(Duration.ofMinutes(10)).plusSeconds(round)));
    }
    long deadline = System.nanoTime() + options.phaseLimit().toNanos();
    double serverCpuBefore = server.cpuSeconds();
    double driverCpuBefore = driverCpuSeconds();
    Pusher.Outcome pushed = pusher.push(server.uri("/api/v2/alerts"), bodies, options.perRequest(), deadline);
    double serverCpu = server.cpuSeconds() - serverCpuBefore;
    double driverCpu = driverCpuSeconds() - driverCpuBefore;
    long rssKib = server.procStatusKib("VmRSS");
    long peakKib = server.procStatusKib("VmHWM");
    log(String.format("   storm: %d alerts in %.1f s (%d of %d requests sent), %d failed%s",
        pushed.alerts(), pushed.elapsedNanos() / 1e9, pushed.requests(), bodies.size(), pushed.failed(),
        pushed.firstFailure() == null ? "" : "; first: " + pushed.firstFailure()));
    log(String.format("   CPU during the storm: server %.1f s, this driver %.1f s", serverCpu, driverCpu));
    awaitNotifications(sink);
    log("   notifications: " + sink.notifications() + " carrying " + sink.alerts() + " alerts");
    return new RunResult(pushed, bodies.size(), sink.notifications(), sink.alerts(), rssKib, peakKib, serverCpu, List.of());
  }

  /** One warm-up pass: its own alerts, {@code warmupAlerts / warmupPasses} of them, pushed {@code warmupRounds} times. */
  private void warmUp(Pusher pusher, ServerProcess server, WebhookSink sink, int pass) throws Exception {
    String prefix = options.warmupPasses() == 1 ? "Warmup" : "Warmup" + (char) ('A' + pass);
    AlertSet warmup = new AlertSet(prefix, options.warmupAlerts() / options.warmupPasses(), options.alertnames(),
        options.services(), options.teams());
    Instant warmStart = Instant.now();
    long warmDeadline = System.nanoTime() + options.phaseLimit().toNanos();
    List<byte[]> warmBodies = new ArrayList<>();
    for (int round = 0; round < options.warmupRounds(); round++) {
      warmBodies.addAll(warmup.bodies(options.perRequest(), warmStart, warmStart.plus(Duration.ofHours(1)).plusSeconds(round)));
    }
    Pusher.Outcome warm = pusher.push(server.uri("/api/v2/alerts"), warmBodies, options.perRequest(), warmDeadline);
    log(String.format("   warm-up %s: %d alerts in %.1f s, %d failed", prefix, warm.alerts(), warm.elapsedNanos() / 1e9,
        warm.failed()));
    awaitNotifications(sink);
    log("   warm-up notifications so far: " + sink.warmupNotifications());
  }

  /**
   * Waits, after a phase's last push, past the group_wait of the last group it could have created,
   * then until the sink has been quiet for two seconds.
   */
  private void awaitNotifications(WebhookSink sink) throws InterruptedException {
    Thread.sleep(options.groupWait().toMillis() + 1_000);
    sink.awaitQuiet(2_000, System.nanoTime() + options.phaseLimit().toNanos());
  }

  private static List<String> dataFiles(Path data) throws IOException {
    if (!Files.isDirectory(data)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }

  private static double driverCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  static void log(String line) {
    System.err.println(line);
  }
}
