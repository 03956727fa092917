package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Drops the alerts that a firing source inhibits (Alertmanager's {@code MuteStage} with its inhibitor). */
public final class InhibitStage implements Stage {
  private final Inhibitor inhibitor;
  private final MuteListener listener;

  public InhibitStage(Inhibitor inhibitor, MuteListener listener) {
    this.inhibitor = Objects.requireNonNull(inhibitor, "inhibitor");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    List<Alert> passed = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      Optional<InhibitionReason> reason = inhibitor.isInhibited(alert.labels(), context.now());
      if (reason.isPresent()) {
        listener.inhibited(context, alert, reason.get());
      } else {
        passed.add(alert);
      }
    }
    return passed;
  }
}
