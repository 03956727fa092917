package dev.tta.alertrouter.ack;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an acknowledgement needs to know of the group it is given to, as the dispatcher holds it now.
 *
 * @param groupKey the group's key
 * @param groupLabels the labels it is keyed by
 * @param receiver the receiver its route notifies
 * @param alerts its alerts, classified (with the {@code priority} label)
 * @param priority the most urgent priority among its firing alerts (P2 when none fires)
 * @param team the owning team as metrics count it ({@code none}, {@code unknown} or a team's name)
 * @param firingSince when its earliest firing alert started; null when none fires
 */
public record AckedGroup(
    String groupKey, Labels groupLabels, String receiver, List<Alert> alerts, Priority priority, String team, Instant firingSince) {
  public AckedGroup {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(groupLabels, "groupLabels");
    Objects.requireNonNull(receiver, "receiver");
    alerts = List.copyOf(alerts);
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(team, "team");
  }
}
