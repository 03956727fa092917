package dev.tta.alertrouter.ack;

import java.util.Optional;

/** Finds a group the dispatcher holds by its key (the composition root answers from the running engine). */
@FunctionalInterface
public interface GroupDirectory {
  Optional<AckedGroup> find(String groupKey);
}
