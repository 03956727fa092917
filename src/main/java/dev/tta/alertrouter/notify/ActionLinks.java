package dev.tta.alertrouter.notify;

import java.util.Optional;

/**
 * Links in a message that act on its group when followed (package {@code actionlink} signs them):
 * email and webhook messages about firing groups carry the one that acknowledges.
 */
@FunctionalInterface
public interface ActionLinks {
  /** No links: where nothing can verify them (tests, replay). */
  ActionLinks NONE = (groupKey, via) -> Optional.empty();

  /**
   * A link that acknowledges {@code groupKey} once a person confirms it.
   *
   * @param via recorded with the acknowledgement ({@code email}, {@code link}), as the metrics count it
   */
  Optional<String> acknowledge(String groupKey, String via);
}
