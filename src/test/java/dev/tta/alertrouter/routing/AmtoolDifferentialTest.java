package dev.tta.alertrouter.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.cli.RootCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Random Alertmanager configurations and label sets: {@code routes test} and {@code routes show} must
 * print what {@code amtool config routes} (Debian's prometheus-alertmanager 0.25) prints, byte for
 * byte, with the same exit code, for every one.
 */
class AmtoolDifferentialTest {
  private static final long SEED = 20261125L;
  private static final int TREES = 300;
  private static final int LABEL_SETS_PER_TREE = 3;

  /** One command to run through both tools: the amtool form and ours. */
  private record Run(Path file, List<String> amtoolArgs, List<String> ourArgs) {}

  @Test
  void routesTestAndShowPrintWhatAmtoolPrints(@TempDir Path dir) throws Exception {
    Amtool amtool = Amtool.require();
    RandomRouteTrees generator = new RandomRouteTrees(new Random(SEED));
    List<Run> runs = new ArrayList<>();
    for (int t = 0; t < TREES; t++) {
      Path file = dir.resolve("tree-" + t + ".yml");
      Files.writeString(file, RandomRouteTrees.yaml(generator.tree()));
      runs.add(new Run(file, List.of("show", "--config.file=" + file), List.of("routes", "show", "--config", file.toString())));
      for (int i = 0; i < LABEL_SETS_PER_TREE; i++) {
        List<String> labels = generator.labelArgs();
        List<String> flags = i == 0 && t % 2 == 0 ? List.of("--tree") : List.of();
        runs.add(new Run(file, concat(List.of("test", "--config.file=" + file), flags, labels), concat(List.of("routes", "test", "--config", file.toString()), flags, labels)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Amtool.Result>> expected = new ArrayList<>();
      for (Run run : runs) {
        expected.add(pool.submit(() -> amtool.routes(run.amtoolArgs())));
      }
      List<String> mismatches = new ArrayList<>();
      int reachedChildRoute = 0;
      int reachedSeveralRoutes = 0;
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Amtool.Result theirs = expected.get(i).get();
        Amtool.Result ours = ours(run.ourArgs());
        if (!theirs.equals(ours)) {
          mismatches.add(describe(run, theirs, ours));
        }
        if (run.ourArgs().get(1).equals("test") && !theirs.stdout().endsWith("\ndefault\n") && !theirs.stdout().equals("default\n")) {
          reachedChildRoute++;
        }
        if (run.ourArgs().get(1).equals("test") && theirs.stdout().lines().reduce((a, b) -> b).orElse("").contains(",")) {
          reachedSeveralRoutes++;
        }
      }
      assertTrue(
          mismatches.isEmpty(),
          mismatches.size() + " of " + runs.size() + " differ; first:\n" + String.join("\n", mismatches.subList(0, Math.min(3, mismatches.size()))));
      // Guards against a generator whose alerts all fall through to the root.
      int tests = TREES * LABEL_SETS_PER_TREE;
      assertTrue(reachedChildRoute > tests / 3, reachedChildRoute + " of " + tests + " reached a child route");
      assertTrue(reachedSeveralRoutes > tests / 20, reachedSeveralRoutes + " of " + tests + " reached several");
    } finally {
      pool.shutdownNow();
    }
  }

  private static Amtool.Result ours(List<String> args) {
    StringWriter out = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    int exit = cl.execute(args.toArray(String[]::new));
    return new Amtool.Result(exit, out.toString());
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  private static String describe(Run run, Amtool.Result theirs, Amtool.Result ours) {
    try {
      return "--- " + run.ourArgs() + "\n" + Files.readString(run.file()) + "amtool (exit " + theirs.exitCode() + "):\n"
          + theirs.stdout() + "ours (exit " + ours.exitCode() + "):\n" + ours.stdout();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
