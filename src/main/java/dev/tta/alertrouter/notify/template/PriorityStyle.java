package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.alert.Priority;
import java.util.Optional;

/** How a group's urgency looks in a message: the colour bar and the emoji before the title. */
enum PriorityStyle {
  P0("#E01E5A", ":red_circle:"),
  P1("#ECB22E", ":large_orange_circle:"),
  P2("#36C5F0", ":large_blue_circle:"),
  UNKNOWN("#9E9E9E", ":bell:"),
  RESOLVED("#2EB67D", ":white_check_mark:");

  private final String color;
  private final String emoji;

  PriorityStyle(String color, String emoji) {
    this.color = color;
    this.emoji = emoji;
  }

  static PriorityStyle of(Optional<Priority> priority, boolean resolved) {
    if (resolved) {
      return RESOLVED;
    }
    return priority.map(p -> switch (p) {
      case P0 -> P0;
      case P1 -> P1;
      case P2 -> P2;
    }).orElse(UNKNOWN);
  }

  String color() {
    return color;
  }

  String emoji() {
    return emoji;
  }
}
