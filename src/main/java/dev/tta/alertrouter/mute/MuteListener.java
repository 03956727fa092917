package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.util.List;

/**
 * Hears every muting decision the mute stages take, so that metrics and the explain record can count
 * and keep them without the stages knowing either. Called on the flushing thread; implementations
 * must be quick and must not throw.
 */
public interface MuteListener {
  /** Hears nothing. */
  MuteListener NONE = new MuteListener() {};

  /** {@code target} was dropped from this flush because {@code reason}'s source fires. */
  default void inhibited(FlushContext context, Alert target, InhibitionReason reason) {}

  /** {@code alert} was dropped because the silences {@code silenceIds} (sorted) are active and match it. */
  default void silenced(FlushContext context, Alert alert, List<String> silenceIds) {}

  /** The whole flush ({@code alerts}) was dropped by the route's time intervals. */
  default void mutedByTimeInterval(FlushContext context, List<Alert> alerts, TimeMuteReason reason) {}
}
