package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.heartbeat.HeartbeatRoutes;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.severity.SeverityClassifier;
import java.util.List;

/**
 * The routing an alert meets in {@code serve}, for the {@code routes} commands: the teams compiled
 * into the tree, the heartbeats' implicit routes first, and every alert classified (given its {@code priority} label) before it is matched,
 * so that team routes and {@code priority} matchers answer as they will in production.
 */
record EffectiveRoutes(RouteTree tree, SeverityClassifier classifier) {
  static EffectiveRoutes of(RouterConfig config) {
    return new EffectiveRoutes(
        RouteTree.of(HeartbeatRoutes.prepend(TeamRoutes.compile(config.route(), config.teams()), config.heartbeats())),
        new SeverityClassifier(config.severity()));
  }

  /** The labels the tree sees: {@code labels} with {@code priority} set. */
  Labels classify(Labels labels) {
    return classifier.classify(labels).labels();
  }

  /** The receivers a (not yet classified) alert reaches, in tree order. */
  List<String> receivers(Labels labels) {
    return tree.receivers(classify(labels));
  }
}
