package dev.tta.alertrouter.capture;

import dev.tta.alertrouter.config.Durations;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --since} / {@code ?since=}: an RFC 3339 time, or a duration meaning that long ago ({@code 2h}). */
public final class Since {
  private Since() {}

  /**
   * @param text null or empty for everything held
   * @throws IllegalArgumentException when it is neither a time nor a duration
   */
  public static Instant parse(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      try {
        return now.minus(Durations.parse(text.trim()));
      } catch (IllegalArgumentException d) {
        throw new IllegalArgumentException("since: expected an RFC 3339 time such as 2026-12-03T10:00:00Z or a duration such as 2h, found \"" + text + "\"");
      }
    }
  }
}
