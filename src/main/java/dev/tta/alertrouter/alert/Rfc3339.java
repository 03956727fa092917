package dev.tta.alertrouter.alert;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant as RFC 3339 in UTC with its nanoseconds, trailing zeros dropped, as Go's {@code
 * time.RFC3339Nano} does ({@code 2026-12-03T20:01:00.5Z}), into a caller's buffer. Every pushed
 * alert's times are written this way into the capture and every webhook payload; {@link
 * Instant#toString} built eight objects per time there, a tenth of the intake's allocation under a
 * storm (bench/README.md, "Intake"). {@link Instant#parse} reads what this writes.
 */
public final class Rfc3339 {
  /** The longest text written: {@code 9999-12-31T23:59:59.999999999Z}. */
  public static final int MAX_LENGTH = 30;

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long FIRST = LocalDate.of(1, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final long END = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

  private Rfc3339() {}

  /** The text, as a new string. */
  public static String format(Instant instant) {
    char[] out = new char[MAX_LENGTH];
    int length = write(instant, out);
    return length < 0 ? instant.toString() : new String(out, 0, length);
  }

  /**
   * Writes into {@code out} (at least {@link #MAX_LENGTH} long) and returns the length, or -1 for a
   * year outside 1–9999 (which RFC 3339 cannot write with four digits; the caller falls back).
   */
  public static int write(Instant instant, char[] out) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST || seconds >= END) {
      return -1;
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int length = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      out[length++] = '.';
      int width = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        width--;
      }
      digits(out, length, nanos, width);
      length += width;
    }
    out[length++] = 'Z';
    return length;
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
