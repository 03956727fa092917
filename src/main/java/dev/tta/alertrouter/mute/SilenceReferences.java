package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.config.RouterConfig;
import java.util.ArrayList;
import java.util.List;

/** Checks a posted silence's recurrence and owner against the configuration in force. */
public final class SilenceReferences {
  private SilenceReferences() {}

  /** Every unknown time interval and receiver the draft names; empty when it may be stored. */
  public static List<String> problems(SilenceDraft draft, RouterConfig config) {
    List<String> problems = new ArrayList<>();
    for (String name : draft.recurrence()) {
      if (!config.timeIntervals().containsKey(name)) {
        problems.add("recurrence: time interval \"" + name + "\" is not defined (known: "
            + String.join(", ", config.timeIntervals().keySet()) + ")");
      }
    }
    draft.owner().filter(owner -> config.receiver(owner).isEmpty()).ifPresent(owner ->
        problems.add("owner: receiver \"" + owner + "\" is not defined"));
    return problems;
  }
}
