package dev.tta.alertrouter.alert;

/**
 * How urgent an alert is. P0 wakes someone up, P1 needs attention today, P2 is for the record.
 * Carried on the alert as the label {@code priority} so routes and inhibition rules can match it.
 */
public enum Priority {
  P0,
  P1,
  P2;

  public static final String LABEL = "priority";
}
