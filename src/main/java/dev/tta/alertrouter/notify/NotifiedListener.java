package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.FlushContext;

/**
 * Told of each notification recorded in the log, right after the integration accepted it (the
 * escalation of a group starts at its first one). Called on the delivering thread; must be quick.
 */
@FunctionalInterface
public interface NotifiedListener {
  NotifiedListener NONE = (context, integration, index, entry) -> {};

  void recorded(FlushContext context, String integration, int index, NotificationLog.Entry entry);
}
