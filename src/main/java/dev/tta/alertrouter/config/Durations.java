package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations ({@code model.ParseDuration}): {@code 1h30m}, {@code 10s}, {@code 500ms}, {@code 1d}, {@code 1w}, {@code 1y}. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile(
      "^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$");
  // Unit of each number group above, in milliseconds.
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000L, 60_000L, 1000L, 1L
  };
  // Go's time.Duration is int64 nanoseconds; Prometheus rejects what does not fit.
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  private Durations() {}

  public static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a valid duration string: \"" + text
          + "\" (use e.g. 30s, 5m, 1h30m, 1d)");
    }
    long millis = 0;
    try {
      for (int i = 0; i < UNIT_MILLIS.length; i++) {
        String number = m.group(2 + 2 * i);
        if (number != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(number), UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
    }
    if (millis > MAX_MILLIS) {
      throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
    }
    return Duration.ofMillis(millis);
  }
}
