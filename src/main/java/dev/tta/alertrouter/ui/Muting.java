package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.routing.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an alert with these (classified) labels would be muted now, and by what, asked of the same
 * inhibitor, silences and time intervals the flush-time mute stages use.
 *
 * @param inhibitedBy the firing alert (and rule) that inhibits it
 * @param silencedBy the ids of the silences that match it
 * @param timeMutes per matched route, the time interval that mutes it, in words
 */
record Muting(Optional<InhibitionReason> inhibitedBy, List<String> silencedBy, List<String> timeMutes) {

  static Muting of(UiBackend backend, Silences silences, Labels classified, List<Route> routes, Instant now) {
    Optional<InhibitionReason> inhibited = backend.inhibitedBy(classified, now);
    TimeIntervals intervals = backend.timeIntervals();
    List<String> silenced = silences.mutes(classified, now, intervals);
    List<String> time = new ArrayList<>();
    for (Route route : routes) {
      try {
        intervals.firstContaining(route.options().muteTimeIntervals(), now).ifPresent(name ->
            time.add("inside mute_time_intervals " + name + " of the route to " + route.receiver()));
        List<String> active = route.options().activeTimeIntervals();
        if (!active.isEmpty() && intervals.firstContaining(active, now).isEmpty()) {
          time.add("outside active_time_intervals " + String.join(", ", active) + " of the route to " + route.receiver());
        }
      } catch (IllegalArgumentException e) {
        time.add("unknown time interval on the route to " + route.receiver() + ": " + e.getMessage());
      }
    }
    return new Muting(inhibited, List.copyOf(silenced), List.copyOf(time));
  }

  boolean muted() {
    return inhibitedBy.isPresent() || !silencedBy.isEmpty() || !timeMutes.isEmpty();
  }
}
