package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.alert.Labels;

/**
 * Label and annotation names already found valid, so that the names every alert repeats are checked
 * once: Jackson hands out one interned String per field name, found here by identity. Bounded and
 * direct-mapped; thread-safe without locks, as a racy read of a slot sees null or a whole String.
 */
final class ValidNames {
  private static final int SLOTS = 1024;

  private final String[] known = new String[SLOTS];

  /** As {@link Labels#isValidName}. */
  boolean isValid(String name) {
    int slot = name.hashCode() & (SLOTS - 1);
    if (known[slot] == name) {
      return true;
    }
    if (!Labels.isValidName(name)) {
      return false;
    }
    known[slot] = name;
    return true;
  }
}
