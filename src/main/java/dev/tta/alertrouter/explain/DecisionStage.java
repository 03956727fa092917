package dev.tta.alertrouter.explain;

import java.util.Locale;

/** Which stage of the pipeline took a decision, in the order an alert meets them. */
public enum DecisionStage {
  /** A copy of the alert was received and stored. */
  RECEIVED,
  /** Its priority, and why. */
  PRIORITY,
  /** The team that owns it. */
  TEAM,
  /** A route of the tree took it. */
  ROUTE,
  /** It joined an aggregation group. */
  GROUP,
  /** A flush dropped it: another alert inhibits it. */
  INHIBITED,
  /** A flush dropped it: the route's time intervals mute it now. */
  TIME_MUTED,
  /** A flush dropped it: a silence matches it. */
  SILENCED,
  /** It is flapping: announced once, then its news held until it is stable (the route's flapping rule). */
  FLAPPING,
  /** A flush sent nothing to an integration: the notification log shows nothing new to tell. */
  DEDUPLICATED,
  /** The runbook link it was given. */
  RUNBOOK,
  /** A delivery attempt to one integration, and what came of it. */
  NOTIFICATION,
  /** A notification beyond its receiver's digest budget: folded into the interval's digest instead of sent. */
  FOLDED,
  /** Its group was acknowledged or unacknowledged, or a repeat was held back because it is acknowledged. */
  ACKNOWLEDGED,
  /** Nobody acknowledged its group in time: an escalation step notified another receiver. */
  ESCALATED;

  /** The name in JSON and logs: {@code time_muted}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a repeat of the same decision folds into the earlier one (a count and a last time) rather
   * than adding a line: true for every stage but {@link #NOTIFICATION}, whose every attempt counts.
   */
  boolean folds() {
    return this != NOTIFICATION && this != ESCALATED;
  }
}
