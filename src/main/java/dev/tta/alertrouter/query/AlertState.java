package dev.tta.alertrouter.query;

import java.util.Locale;

/** Alertmanager's {@code alertStatus.state}: suppressed when silenced or inhibited. */
public enum AlertState {
  UNPROCESSED,
  ACTIVE,
  SUPPRESSED;

  /** The lower-case name Alertmanager's API uses. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
