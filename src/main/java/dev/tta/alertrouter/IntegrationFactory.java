package dev.tta.alertrouter;

import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.notify.Integration;
import java.util.List;
import java.util.function.Consumer;

/** Turns a receiver's configured integrations into pipeline integrations (notifier + delivery). */
@FunctionalInterface
interface IntegrationFactory {
  /**
   * @param resources told of each client that must be closed when the configuration is replaced
   * @throws IllegalArgumentException naming file and line when a setting cannot be honoured
   */
  List<Integration> integrationsFor(ReceiverConfig receiver, Consumer<AutoCloseable> resources);
}
