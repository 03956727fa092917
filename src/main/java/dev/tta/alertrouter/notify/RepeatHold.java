package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.FlushContext;
import java.util.Optional;

/**
 * Asked by the dedup stage before it sends a repeat (a flush that tells the integration nothing
 * new, sent because repeat_interval passed): a present answer holds the repeat back and says why
 * (an acknowledgement: "acked by alice at …"). News — an alert joining, a resolve — is never held.
 */
@FunctionalInterface
public interface RepeatHold {
  RepeatHold NONE = context -> Optional.empty();

  Optional<String> heldBecause(FlushContext context);
}
