package dev.tta.alertrouter.notify.digest;

import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.Notifier;

/**
 * A notifier that can also send a {@link Digest}, in its own wire format and with its own
 * renderer. Integrations whose notifier is not one are never folded: every notification goes out.
 */
public interface DigestNotifier extends Notifier {
  /** One attempt, as {@link Notifier#send}. */
  DeliveryOutcome sendDigest(Digest digest);

  /** What {@link #sendDigest} would transmit, credentials masked, for dry-run and shadow logs. */
  String renderDigest(Digest digest);
}
