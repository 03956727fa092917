package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.store.Upserted;
import java.util.List;

/**
 * What the alert store knew at start, for the dispatcher to be fed in this order: {@code read}, the
 * alerts the database held (before anything intake accepted during the read was applied), then
 * {@code accepted}, what intake accepted while the alerts were being read (and what a crash during
 * an earlier start left unapplied), merged, one {@link Upserted} per accepted batch, in the order
 * the batches were accepted.
 */
public record StoredAlerts(List<Alert> read, List<Upserted> accepted) {
  public StoredAlerts {
    read = List.copyOf(read);
    accepted = List.copyOf(accepted);
  }
}
