package dev.tta.alertrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  private static Instant byFormatter(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  @Test
  void canonicalTimestampsReadDirectlyAgreeWithTheFormatter() {
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String text = instant.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertNotNull(Timestamps.parseCanonical(text), text);
      assertEquals(byFormatter(text), Timestamps.parse(text), text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "2024-05-01T10:00:00.5+05:30",
      "2024-05-01T10:00:00-00:00", "2024-05-01T10:00:00+18:00", "2024-05-01T10:00:00.123456Z",
      "2024-05-01t10:00:00z", "2024-05-01T10:00:00+05:30:15", "2024-05-01T10:00:00.Z"})
  void acceptsWhatTheFormatterAccepts(String text) {
    assertEquals(byFormatter(text), Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
      "2024-05-01T10:00:60Z", "2024-05-01T10:00:00.1234567891Z", "2024-05-01T10:00:00",
      "2024-05-01T10:00:00+19:00", "2024-05-01 10:00:00Z", "2024-13-01T10:00:00Z", "2024-05-01T10:00:00ZZ",
      "+2024-05-01T10:00:00Z", "2024-5-01T10:00:00Z", "not a time"})
  void refusesWhatTheFormatterRefuses(String text) {
    assertThrows(DateTimeException.class, () -> byFormatter(text));
    assertThrows(DateTimeException.class, () -> Timestamps.parse(text));
  }
}
