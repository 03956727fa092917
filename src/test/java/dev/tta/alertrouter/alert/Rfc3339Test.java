package dev.tta.alertrouter.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
  /** Go's RFC3339Nano as the java.time formatter writes it, the reference this must equal. */
  private static String reference(Instant instant) {
    String seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
    String nanos = instant.getNano() == 0 ? "" : "." + String.format("%09d", instant.getNano()).replaceFirst("0+$", "");
    return seconds + nanos + "Z";
  }

  @Test
  void writesGoRfc3339NanoAndParsesBack() {
    assertEquals("2026-12-03T20:01:00Z", Rfc3339.format(Instant.parse("2026-12-03T20:01:00Z")));
    assertEquals("2026-12-03T20:01:00.5Z", Rfc3339.format(Instant.parse("2026-12-03T20:01:00.500Z")));
    assertEquals("0001-01-01T00:00:00Z", Rfc3339.format(Instant.parse("0001-01-01T00:00:00Z")));
    assertEquals("9999-12-31T23:59:59.999999999Z", Rfc3339.format(Instant.parse("9999-12-31T23:59:59.999999999Z")));
    assertEquals("1969-12-31T23:59:59.000000001Z", Rfc3339.format(Instant.parse("1969-12-31T23:59:59.000000001Z")));
    SplittableRandom random = new SplittableRandom(42);
    long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(random.nextLong(first, end), nanos);
      String text = Rfc3339.format(instant);
      assertEquals(reference(instant), text);
      assertEquals(instant, Instant.parse(text));
    }
  }

  @Test
  void yearsRfc3339CannotWriteAreLeftToTheCaller() {
    Instant beyond = Instant.parse("+10000-01-01T00:00:00Z");
    assertEquals(-1, Rfc3339.write(beyond, new char[Rfc3339.MAX_LENGTH]));
    assertEquals(beyond.toString(), Rfc3339.format(beyond));
    assertEquals(-1, Rfc3339.write(Instant.parse("0000-12-31T23:59:59Z"), new char[Rfc3339.MAX_LENGTH]));
  }
}
