package loadbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of the load benchmark; {@code --smoke} is a few-seconds run for CI. */
record Options(
    int alerts,
    int alertnames,
    int services,
    int teams,
    int perRequest,
    int rounds,
    int warmupAlerts,
    int warmupRounds,
    int warmupPasses,
    int senders,
    Duration groupWait,
    Duration phaseLimit,
    Path jar,
    List<String> jvmOptions,
    String alertmanagerBinary,
    List<String> only,
    Path workDir,
    int repeat,
    boolean smoke,
    double traceSampling) {

  static final String USAGE = """
      usage: LoadBench [--smoke] [--alerts N] [--alertnames N] [--services N] [--teams N] [--per-request N]
                       [--rounds N] [--warmup N] [--warmup-rounds N] [--warmup-passes N] [--senders N] [--repeat N] [--group-wait SECONDS] [--phase-limit SECONDS]
                       [--jar PATH] [--jvm-opts "OPTS"] [--alertmanager BINARY] [--only alert-router|alertmanager]
                       [--work-dir DIR] [--trace-sampling FRACTION]""";

  static Options parse(String[] args) {
    boolean smoke = List.of(args).contains("--smoke");
    int alerts = smoke ? 1_000 : 20_000;
    int alertnames = smoke ? 50 : 500;
    int services = 50;
    int teams = 5;
    int perRequest = 100;
    int rounds = smoke ? 2 : 20;
    int warmup = smoke ? 1_000 : 20_000;
    int warmupRounds = smoke ? 1 : 40;
    int warmupPasses = smoke ? 1 : 4;
    int senders = 4;
    Duration groupWait = Duration.ofSeconds(smoke ? 2 : 15);
    Duration phaseLimit = Duration.ofSeconds(smoke ? 10 : 60);
    Path jar = Path.of("target/alert-router.jar");
    List<String> jvm = List.of("-XX:+ExitOnOutOfMemoryError");
    String am = "prometheus-alertmanager";
    List<String> only = List.of("alertmanager", "alert-router");
    Path workDir = null;
    int repeat = 1;
    double traceSampling = -1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--smoke" -> { }
        case "--alerts" -> alerts = Integer.parseInt(args[++i]);
        case "--alertnames" -> alertnames = Integer.parseInt(args[++i]);
        case "--services" -> services = Integer.parseInt(args[++i]);
        case "--teams" -> teams = Integer.parseInt(args[++i]);
        case "--per-request" -> perRequest = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
        case "--warmup-passes" -> warmupPasses = Integer.parseInt(args[++i]);
        case "--senders" -> senders = Integer.parseInt(args[++i]);
        case "--group-wait" -> groupWait = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
        case "--phase-limit" -> phaseLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--jar" -> jar = Path.of(args[++i]);
        case "--jvm-opts" -> jvm = splitOptions(args[++i]);
        case "--alertmanager" -> am = args[++i];
        case "--only" -> only = List.of(args[++i]);
        case "--work-dir" -> workDir = Path.of(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--trace-sampling" -> traceSampling = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (warmupPasses < 1 || warmupPasses > 26) {
      throw new IllegalArgumentException("--warmup-passes takes 1 to 26 (each pass's alertnames carry a letter), not " + warmupPasses);
    }
    if (alerts % perRequest != 0 || warmup % (warmupPasses * perRequest) != 0) {
      throw new IllegalArgumentException("--alerts (" + alerts + ") must be a multiple of --per-request (" + perRequest
          + "), and --warmup (" + warmup + ") of --per-request times --warmup-passes (" + perRequest * warmupPasses + ")");
    }
    for (String s : only) {
      if (!s.equals("alertmanager") && !s.equals("alert-router")) {
        throw new IllegalArgumentException("--only takes alert-router or alertmanager, not " + s);
      }
    }
    return new Options(alerts, alertnames, services, teams, perRequest, rounds, warmup, warmupRounds, warmupPasses, senders, groupWait, phaseLimit,
        jar, jvm, am, only, workDir, repeat, smoke, traceSampling);
  }

  /** Whether alert-router exports traces (to a loopback sink) during the run. */
  boolean tracing() {
    return traceSampling >= 0;
  }

  private static List<String> splitOptions(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }
}
