package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Fingerprint;

/**
 * Asked after a successful flush before a group forgets a resolved alert it just flushed: a later
 * stage that held the alert's news back (a flapping alert) still owes the receiver its real state,
 * so the group must keep the alert and keep flushing.
 */
@FunctionalInterface
public interface KeepResolved {
  /** Forget every flushed resolved alert, as Alertmanager does. */
  KeepResolved NONE = (groupKey, fingerprint) -> false;

  boolean keeps(String groupKey, Fingerprint fingerprint);
}
