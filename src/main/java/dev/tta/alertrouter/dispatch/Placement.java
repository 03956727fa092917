package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.routing.Route;
import java.util.Objects;

/**
 * Where {@link Dispatcher#process} put an alert: the route that took it and the aggregation group it
 * joined, for metrics and explain.
 *
 * @param route the matching route
 * @param groupKey the key of the group it joined ({@code routeKey:groupLabels})
 */
public record Placement(Route route, String groupKey) {
  public Placement {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(groupKey, "groupKey");
  }
}
