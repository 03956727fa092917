package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.List;

/**
 * Runs stages one after another, each on what the previous one passed on, and stops as soon as
 * none is left (Alertmanager's {@code MultiStage}).
 */
public final class MultiStage implements Stage {
  private final List<Stage> stages;

  public MultiStage(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    List<Alert> current = alerts;
    for (Stage stage : stages) {
      if (current.isEmpty()) {
        return List.of();
      }
      current = stage.apply(context, current);
    }
    return current;
  }
}
