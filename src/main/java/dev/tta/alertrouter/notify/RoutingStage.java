package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.util.List;
import java.util.Map;

/**
 * Hands each flush to the pipeline of the receiver it is for (Alertmanager's {@code RoutingStage}):
 * the dispatcher runs this one stage for every group.
 */
final class RoutingStage implements Stage {
  private final Map<String, Stage> byReceiver;

  RoutingStage(Map<String, Stage> byReceiver) {
    this.byReceiver = Map.copyOf(byReceiver);
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    Stage pipeline = byReceiver.get(context.receiver());
    if (pipeline == null) {
      // The config check refuses routes to unknown receivers; reaching this is a wiring bug.
      throw new StageFailedException("no pipeline for receiver " + context.receiver());
    }
    return pipeline.apply(context, alerts);
  }
}
