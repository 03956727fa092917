package dev.tta.alertrouter.query;

import dev.tta.alertrouter.alert.Labels;
import java.util.List;
import java.util.Objects;

/** An aggregation group as the v2 API shows it: its labels, receiver and the alerts that passed the filter. */
public record ShownGroup(Labels labels, String receiver, List<ShownAlert> alerts) {
  public ShownGroup {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(receiver, "receiver");
    alerts = List.copyOf(alerts);
  }
}
