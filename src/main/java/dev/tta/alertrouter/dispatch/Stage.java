package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import java.util.List;

/**
 * One step of the per-receiver notification pipeline, as Alertmanager's {@code notify.Stage}: it
 * takes the alerts of a flushed group and passes on those that should continue (a mute stage drops
 * the muted ones; the dedup stage passes all or none; a notify stage sends and passes all).
 * Returning an empty list stops the pipeline for this flush.
 */
@FunctionalInterface
public interface Stage {
  /**
   * @return the alerts for the next stage
   * @throws StageFailedException when the flush must be retried at the next group_interval (a
   *     delivery that failed for good); the dispatcher keeps the group's resolved alerts then
   */
  List<Alert> apply(FlushContext context, List<Alert> alerts);
}
