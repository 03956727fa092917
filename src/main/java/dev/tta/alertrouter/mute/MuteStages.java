package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.dispatch.Stage;
import java.util.List;

/**
 * The mute stages in Alertmanager's order ({@code PipelineBuilder.New}): inhibition, then the
 * route's active and mute time intervals, then silences. An alert dropped by an earlier stage is
 * reported only for that stage.
 */
public final class MuteStages {
  private MuteStages() {}

  public static List<Stage> inAlertmanagerOrder(
      Inhibitor inhibitor, TimeIntervals intervals, Silences silences, MuteListener listener) {
    return List.of(
        new InhibitStage(inhibitor, listener),
        new TimeActiveStage(intervals, listener),
        new TimeMuteStage(intervals, listener),
        new SilenceStage(silences, intervals, listener));
  }
}
