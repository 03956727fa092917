package dev.tta.alertrouter;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.Placement;
import dev.tta.alertrouter.severity.Classification;
import java.util.List;

/** Hears the routing and muting decisions beside {@link DecisionObserver}'s own keepers: what a replay records. */
interface DecisionTap {
  DecisionTap NONE = new DecisionTap() {};

  /** {@code alert} classified (it carries the priority label) and placed in these groups. */
  default void routed(Alert alert, Classification classification, List<Placement> placements) {}

  /** {@code alert} muted at a flush: {@code inhibited}, {@code silenced} or {@code time_muted}. */
  default void muted(Alert alert, String how) {}
}
