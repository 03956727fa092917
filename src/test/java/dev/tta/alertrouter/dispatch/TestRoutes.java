package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes route trees in tests as a config file would, then resolves them with the routing package. */
public final class TestRoutes {
  private TestRoutes() {}

  /** A tree of one root route: every alert goes to {@code receiver}, grouped by {@code groupBy}. */
  public static RouteTree single(
      String receiver, List<String> groupBy, Duration wait, Duration interval, Duration repeat) {
    return RouteTree.of(node(receiver, groupBy, wait, interval, repeat, false, List.of(), List.of()));
  }

  /**
   * One route as written: null values inherit; {@code matchers} are written as in {@code matchers:}.
   */
  public static RouteConfig node(
      String receiver,
      List<String> groupBy,
      Duration wait,
      Duration interval,
      Duration repeat,
      boolean continueMatching,
      List<String> matchers,
      List<RouteConfig> children) {
    List<Matcher> parsed = new ArrayList<>();
    for (String m : matchers) {
      parsed.add(Matchers.parse(m));
    }
    return new RouteConfig(
        receiver,
        groupBy,
        parsed,
        continueMatching,
        wait,
        interval,
        repeat,
        List.of(),
        List.of(),
        children,
        new SourceLocation("test.yml", 1));
  }
}
