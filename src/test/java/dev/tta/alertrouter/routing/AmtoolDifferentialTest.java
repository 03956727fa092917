package dev.tta.alertrouter.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random trees and label sets: our routing must print what amtool 0.25 prints for every one. */
class AmtoolDifferentialTest {
  private static final long SEED = 20261125L;
  private static final int TREES = 300;
  private static final int LABEL_SETS_PER_TREE = 3;

  private record Case(Path file, RandomRouteTrees.Node tree, List<String> args) {}

  @Test
  void routesTestPrintsWhatAmtoolPrints(@TempDir Path dir) throws Exception {
    Amtool amtool = Amtool.require();
    RandomRouteTrees generator = new RandomRouteTrees(new Random(SEED));
    List<Case> cases = new ArrayList<>();
    for (int t = 0; t < TREES; t++) {
      RandomRouteTrees.Node tree = generator.tree();
      Path file = dir.resolve("tree-" + t + ".yml");
      Files.writeString(file, RandomRouteTrees.yaml(tree));
      for (int i = 0; i < LABEL_SETS_PER_TREE; i++) {
        cases.add(new Case(file, tree, generator.labelArgs()));
      }
    }
    List<Future<Amtool.Result>> expected = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Case c : cases) {
        List<String> args = new ArrayList<>(List.of("test", "--config.file=" + c.file()));
        args.addAll(c.args());
        expected.add(pool.submit(() -> amtool.routes(args)));
      }
      List<String> mismatches = new ArrayList<>();
      int reachedChildRoute = 0;
      int reachedSeveralRoutes = 0;
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        Amtool.Result theirs = expected.get(i).get();
        String ours = ours(c);
        if (!theirs.stdout().equals("default\n")) {
          reachedChildRoute++;
        }
        if (theirs.stdout().contains(",")) {
          reachedSeveralRoutes++;
        }
        if (theirs.exitCode() != 0 || !theirs.stdout().equals(ours)) {
          mismatches.add(describe(c, theirs, ours));
        }
      }
      assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " differ; first:\n" + String.join("\n", mismatches.subList(0, Math.min(3, mismatches.size()))));
      // Guards against a generator whose alerts all fall through to the root.
      assertTrue(reachedChildRoute > cases.size() / 3, reachedChildRoute + " of " + cases.size() + " reached a child route");
      assertTrue(reachedSeveralRoutes > cases.size() / 20, reachedSeveralRoutes + " of " + cases.size() + " reached several");
    } finally {
      pool.shutdownNow();
    }
  }

  private static String ours(Case c) {
    Map<String, String> labels = new TreeMap<>();
    for (String arg : c.args()) {
      Matcher m = Matchers.parse(arg);
      labels.put(m.name(), m.value());
    }
    return String.join(",", RouteTree.of(toConfig(c.tree())).receivers(Labels.of(labels))) + "\n";
  }

  private static RouteConfig toConfig(RandomRouteTrees.Node node) {
    List<Matcher> matchers = new ArrayList<>();
    node.match().forEach((k, v) -> matchers.add(Matcher.equal(k, v)));
    node.matchRe().forEach((k, v) -> matchers.add(Matcher.regex(k, "^(?:" + v + ")$")));
    node.matcherLines().forEach(line -> matchers.addAll(Matchers.parseList(line)));
    return new RouteConfig(
        node.receiver(), null, matchers, node.continueMatching(), null, null, null, List.of(), List.of(),
        node.children().stream().map(AmtoolDifferentialTest::toConfig).toList(), SourceLocation.unknown());
  }

  private static String describe(Case c, Amtool.Result theirs, String ours) {
    try {
      return "--- " + c.file() + " " + c.args() + "\n" + Files.readString(c.file()) + "amtool (exit " + theirs.exitCode() + "): "
          + theirs.stdout() + "ours: " + ours;
    } catch (IOException e) {
      return e.toString();
    }
  }
}
