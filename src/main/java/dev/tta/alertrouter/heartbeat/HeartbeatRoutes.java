package dev.tta.alertrouter.heartbeat;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.config.HeartbeatConfig;
import dev.tta.alertrouter.config.RouteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The implicit routes that take each heartbeat's missing alert to the heartbeat's receiver. They come
 * first under the root, without {@code continue}, so no written route can send a dead-man's page
 * elsewhere or drop it; timings and {@code group_by} are inherited from the root as for any child.
 */
public final class HeartbeatRoutes {
  private HeartbeatRoutes() {}

  /** A copy of {@code root} with one route per heartbeat before its own children; {@code root} itself without heartbeats. */
  public static RouteConfig prepend(RouteConfig root, List<HeartbeatConfig> heartbeats) {
    if (heartbeats.isEmpty()) {
      return root;
    }
    List<RouteConfig> children = new ArrayList<>();
    for (HeartbeatConfig heartbeat : heartbeats) {
      children.add(new RouteConfig(heartbeat.receiver(), null,
          List.of(Matcher.equal("alertname", HeartbeatAlerts.ALERTNAME), Matcher.equal(HeartbeatAlerts.LABEL, heartbeat.name())),
          false, null, null, null, List.of(), List.of(), List.of(), heartbeat.location()));
    }
    children.addAll(root.routes());
    return root.withRoutes(children);
  }
}
