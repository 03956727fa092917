package dev.tta.alertrouter.routing;

import static dev.tta.alertrouter.routing.RouteBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tta.alertrouter.alert.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wide sibling lists are matched through an index; this checks it against a plain transcription of
 * Alertmanager's {@code Route.Match} on random wide trees.
 */
class WideTreeMatchingTest {
  private static final String[] VALUES = {"", "s0", "s1", "s2", "s3", "s4"};

  /** Alertmanager's Route.Match, line for line. */
  private static List<Route> reference(Route route, Labels labels) {
    if (!route.matchesOwnMatchers(labels)) {
      return null;
    }
    List<Route> all = new ArrayList<>();
    for (Route child : route.children()) {
      List<Route> matches = reference(child, labels);
      if (matches != null) {
        all.addAll(matches);
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    if (all.isEmpty()) {
      all.add(route);
    }
    return all;
  }

  private static String value(Random random) {
    return VALUES[random.nextInt(VALUES.length)];
  }

  private static RouteBuilder randomChild(Random random, int depth) {
    List<String> matchers = new ArrayList<>();
    switch (random.nextInt(6)) {
      case 0 -> {} // no matcher on the indexed label
      case 1 -> matchers.add("service=~\"s1|s2\"");
      default -> matchers.add("service=\"" + value(random) + "\"");
    }
    if (random.nextInt(3) == 0) {
      matchers.add("team=\"" + value(random) + "\"");
    }
    if (random.nextInt(5) == 0) {
      matchers.add("service=\"" + value(random) + "\"");
    }
    RouteBuilder child = route("r" + random.nextInt(1000), matchers.toArray(String[]::new));
    if (random.nextInt(4) == 0) {
      child.continueMatching();
    }
    if (depth < 2 && random.nextInt(3) == 0) {
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        child.routes(randomChild(random, depth + 1));
      }
    }
    return child;
  }

  @Test
  void wideSiblingListIsNarrowedToThePossibleMatches() {
    RouteBuilder root = route("default");
    for (int i = 0; i < 10; i++) {
      root.routes(route("r" + i, "service=\"s" + i + "\""));
    }
    root.routes(route("any", "team=~\".+\""));
    SiblingIndex index = SiblingIndex.build(root.tree().root().children().toArray(Route[]::new));
    assertArrayEquals(new int[] {3, 10}, index.candidates(Labels.of("service", "s3")));
    assertArrayEquals(new int[] {10}, index.candidates(Labels.of("service", "other")));
    assertArrayEquals(new int[] {10}, index.candidates(Labels.empty()));
  }

  @Test
  void indexedSiblingsMatchAsAPlainPassDoes() {
    Random random = new Random(20261125);
    for (int t = 0; t < 200; t++) {
      RouteBuilder root = route("default");
      int n = 8 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        root.routes(randomChild(random, 1));
      }
      RouteTree tree = root.tree();
      for (int a = 0; a < 50; a++) {
        Labels labels = Labels.of("service", value(random), "team", value(random));
        if (random.nextBoolean()) {
          labels = Labels.of("team", value(random)); // service missing
        }
        Labels alert = labels;
        assertEquals(reference(tree.root(), alert), tree.match(alert), () -> "tree " + tree.root().children() + ", labels " + alert);
      }
    }
  }
}
