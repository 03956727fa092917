package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the mute stages on a flush's firing alerts only when the route says {@code resolve:
 * {send_when_muted: true}}: its resolves then pass every mute, and the dedup stage and the route's
 * other resolve rules decide whether they are sent. Otherwise (Alertmanager) the mutes see every alert.
 */
public final class ResolvesPastMutes implements Stage {
  private final Stage mutes;

  public ResolvesPastMutes(Stage mutes) {
    this.mutes = Objects.requireNonNull(mutes, "mutes");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    if (!context.resolve().sendWhenMuted()) {
      return mutes.apply(context, alerts);
    }
    List<Alert> firing = alerts.stream().filter(a -> !a.isResolvedAt(context.now())).toList();
    Set<Alert> unmuted = Collections.newSetFromMap(new IdentityHashMap<>());
    unmuted.addAll(firing.isEmpty() ? List.of() : mutes.apply(context, firing));
    return alerts.stream().filter(a -> a.isResolvedAt(context.now()) || unmuted.contains(a)).toList();
  }
}
