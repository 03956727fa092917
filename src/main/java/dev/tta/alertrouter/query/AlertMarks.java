package dev.tta.alertrouter.query;

import java.util.List;
import java.util.Objects;

/**
 * What the running configuration says about one alert now: the receivers its routes name (in tree
 * order, with repeats, as Alertmanager lists them) and the silences and the alert that mute it.
 *
 * @param receivers the receivers of the routes that take the alert
 * @param silencedBy ids of the active silences that match it, sorted
 * @param inhibitedBy fingerprints of the firing alerts that inhibit it (at most one, as Alertmanager)
 */
public record AlertMarks(List<String> receivers, List<String> silencedBy, List<String> inhibitedBy) {
  public AlertMarks {
    receivers = List.copyOf(Objects.requireNonNull(receivers, "receivers"));
    silencedBy = List.copyOf(Objects.requireNonNull(silencedBy, "silencedBy"));
    inhibitedBy = List.copyOf(Objects.requireNonNull(inhibitedBy, "inhibitedBy"));
  }

  public AlertState state() {
    return silencedBy.isEmpty() && inhibitedBy.isEmpty() ? AlertState.ACTIVE : AlertState.SUPPRESSED;
  }

  public boolean silenced() {
    return !silencedBy.isEmpty();
  }

  public boolean inhibited() {
    return !inhibitedBy.isEmpty();
  }
}
