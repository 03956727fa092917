package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.util.List;

/**
 * Told when the dedup stage sends nothing because the notification log shows the integration
 * already knows everything the flush would tell it: metrics count the duplicates suppressed, explain
 * records them. Called on the flushing thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface DedupListener {
  DedupListener NONE = (context, integration, index, alerts) -> {};

  /**
   * @param integration the integration type, e.g. {@code slack}
   * @param index its position among the receiver's integrations of that type
   * @param alerts the flush's alerts, none of which is sent
   */
  void suppressed(FlushContext context, String integration, int index, List<Alert> alerts);

  /**
   * A repeat (repeat_interval passed, nothing new) was held back: {@code why} says by what, such as
   * {@code acked by alice at 2026-11-25T10:00:00Z}. Counted as a suppressed duplicate by default.
   */
  default void repeatHeld(FlushContext context, String integration, int index, List<Alert> alerts, String why) {
    suppressed(context, integration, index, alerts);
  }

  /**
   * The route's {@code resolve:} rules kept {@code alert}'s resolve from this integration, which never
   * heard it firing; {@code why} says which rule. Nothing by default.
   */
  default void resolveDropped(FlushContext context, String integration, int index, Alert alert, String why) {}
}
