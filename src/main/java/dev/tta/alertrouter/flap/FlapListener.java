package dev.tta.alertrouter.flap;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;

/**
 * Hears the flap stage's decisions, so explain and the decision log keep them without the stage
 * knowing either. Called on the flushing thread; must be quick and must not throw.
 */
public interface FlapListener {
  FlapListener NONE = new FlapListener() {};

  /** {@code alert} was found flapping at this flush: its group sends one flapping notification. */
  default void flappingStarted(FlushContext context, Alert alert, FlapStatus status) {}

  /** The flush held {@code alert}'s news back: the receiver is shown the copy it was last told of. */
  default void flappingHeld(FlushContext context, Alert alert, FlapStatus status) {}

  /** {@code alert} has been stable for the route's stable_for: its real state is sent once. */
  default void flappingEnded(FlushContext context, Alert alert, FlapStatus status) {}
}
