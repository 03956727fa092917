package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;

/** Told when a firing copy is ignored because it predates the end of the resolved alert held. */
@FunctionalInterface
public interface StaleAlertListener {
  StaleAlertListener IGNORE = (stale, held) -> {};

  void staleCopyIgnored(Alert staleCopy, Alert heldResolved);
}
