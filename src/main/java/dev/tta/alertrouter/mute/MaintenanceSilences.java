package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.config.MaintenanceWindow;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Turns a configuration's {@code maintenance:} entries into silences, so they mute, list, show in
 * the UI and explain, persist and reach replicas exactly as silences posted through the API. Each
 * window's silence id is {@code maintenance-<name>}, so every replica and every reload writes the
 * same silence, and a window removed from the configuration expires.
 */
public final class MaintenanceSilences {
  public static final String ID_PREFIX = "maintenance-";
  static final String AUTHOR = "config (maintenance:)";

  private final Silences silences;
  private final Clock clock;

  public MaintenanceSilences(Silences silences, Clock clock) {
    this.silences = Objects.requireNonNull(silences, "silences");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @return the ids of the silences written or expired */
  public List<String> apply(List<MaintenanceWindow> windows) {
    var now = clock.instant();
    // A window whose until has passed is over: not written, and its silence (if any) ended then.
    List<Silence> declared = windows.stream()
        .filter(w -> w.until().isAfter(now))
        .map(w -> new Silence(ID_PREFIX + w.name(), w.matchers(), now, w.until(), AUTHOR, comment(w), now,
            w.timeIntervals(), w.owner()))
        .toList();
    return silences.declare(ID_PREFIX, declared);
  }

  /**
   * What the UI shows as the silence's reason. It leaves out the entry's file and line: an edit
   * elsewhere in the file must not rewrite the silence (which would restart its reminders).
   */
  static String comment(MaintenanceWindow window) {
    return "maintenance window " + window.name()
        + (window.recurring() ? " (recurring: " + String.join(", ", window.timeIntervals()) + ")" : " (one-off)")
        + ", kept in the configuration under maintenance:";
  }
}
