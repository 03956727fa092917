package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Names used before they may have been defined (a route's receiver, a route's time interval), kept
 * with where they were written and checked once every file has been read.
 */
final class References {
  enum Kind {
    RECEIVER("receiver"),
    TIME_INTERVAL("time interval");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  record Reference(Kind kind, String name, Value at) {}

  private final List<Reference> references = new ArrayList<>();

  void receiver(String name, Value at) {
    references.add(new Reference(Kind.RECEIVER, name, at));
  }

  void timeInterval(String name, Value at) {
    references.add(new Reference(Kind.TIME_INTERVAL, name, at));
  }

  List<Reference> all() {
    return List.copyOf(references);
  }
}
