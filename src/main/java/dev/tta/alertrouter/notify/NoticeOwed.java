package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.FlushContext;

/**
 * Asked by the dedup stage when a flush tells nothing new by Alertmanager's rules: whether an earlier
 * stage still wants it sent (an alert started or stopped flapping, which the fingerprints' states
 * alone do not show).
 */
@FunctionalInterface
public interface NoticeOwed {
  NoticeOwed NONE = context -> false;

  boolean owed(FlushContext context);
}
