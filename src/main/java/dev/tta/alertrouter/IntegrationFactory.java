package dev.tta.alertrouter;

import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.Integration;
import java.util.List;

/** Turns a receiver's configured integrations into pipeline integrations (notifier + delivery). */
@FunctionalInterface
interface IntegrationFactory {
  List<Integration> integrationsFor(ReceiverConfig receiver);
}
