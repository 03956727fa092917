package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drops the alerts that an active silence matches (Alertmanager's {@code MuteStage} with its
 * silencer); a recurring silence only inside its recurrence, read from this configuration's intervals.
 */
public final class SilenceStage implements Stage {
  private final Silences silences;
  private final TimeIntervals intervals;
  private final MuteListener listener;

  public SilenceStage(Silences silences, TimeIntervals intervals, MuteListener listener) {
    this.silences = Objects.requireNonNull(silences, "silences");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    List<Alert> passed = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      List<String> ids = silences.mutes(alert.labels(), context.now(), intervals);
      if (ids.isEmpty()) {
        passed.add(alert);
      } else {
        listener.silenced(context, alert, ids);
      }
    }
    return passed;
  }
}
