package dev.tta.alertrouter.mute;

import java.util.Locale;

/** A silence's state, derived from its times and the clock as Alertmanager's {@code getState}. */
public enum SilenceState {
  PENDING,
  ACTIVE,
  EXPIRED;

  /** The lower-case name Alertmanager's API uses. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
  public static SilenceState fromWireName(String name) {
    for (SilenceState s : values()) {
      if (s.wireName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown silence state \"" + name + "\": expected pending, active or expired");
  }
}
