package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.RouteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The route tree of one configuration: which routes, and so which receivers, take an alert. */
public final class RouteTree {
  /** Alertmanager's {@code DefaultRouteOpts}, which the root inherits. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  private final Route root;
  private final int size;

  private RouteTree(Route root) {
    this.root = root;
    int[] count = {0};
    root.walkInto(r -> count[0]++);
    this.size = count[0];
  }

  /**
   * Resolves {@code root} and everything below it. Throws {@link IllegalArgumentException} when the
   * root names no receiver, which Alertmanager refuses too.
   */
  public static RouteTree of(RouteConfig root) {
    Objects.requireNonNull(root, "root");
    if (root.receiver() == null || root.receiver().isEmpty()) {
      throw new IllegalArgumentException("root route must specify a default receiver");
    }
    RouteOptions defaults =
        new RouteOptions(
            "", List.of(), false, DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL, DEFAULT_REPEAT_INTERVAL, List.of(), List.of());
    return new RouteTree(new Route(root, defaults, null, 0));
  }

  public Route root() {
    return root;
  }

  /**
   * The routes that take an alert with {@code labels}, in tree order, as Alertmanager's {@code
   * Route.Match}; empty only if the root's own matchers refuse it.
   */
  public List<Route> match(Labels labels) {
    List<Route> out = new ArrayList<>(2);
    root.matchInto(labels, out);
    return out;
  }

  /**
   * The receivers of {@link #match}, in order and with repeats, as {@code amtool config routes test}
   * lists them.
   */
  public List<String> receivers(Labels labels) {
    List<Route> routes = match(labels);
    List<String> receivers = new ArrayList<>(routes.size());
    for (Route r : routes) {
      receivers.add(r.receiver());
    }
    return receivers;
  }

  /** Visits every route, depth first, parents before children, as Alertmanager's {@code Walk}. */
  public void walk(Consumer<Route> visitor) {
    root.walkInto(visitor);
  }

  /** The number of routes, the root included. */
  public int size() {
    return size;
  }
}
