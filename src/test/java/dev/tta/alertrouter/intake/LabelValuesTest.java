package dev.tta.alertrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tta.alertrouter.alert.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelValuesTest {
  final PrometheusPushParser parser =
      new PrometheusPushParser(Clock.fixed(Instant.parse("2026-11-24T19:10:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));

  List<Alert> alerts(String json) {
    ParseResult.Batch batch =
        assertInstanceOf(ParseResult.Batch.class, parser.parse(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), batch.problems());
    return batch.alerts();
  }

  @Test
  void equalLabelValuesAreOneInstanceWithinAndAcrossBatches() {
    List<Alert> first = alerts("[{\"labels\":{\"alertname\":\"Disk\",\"team\":\"db\"}},"
        + "{\"labels\":{\"alertname\":\"Disk\",\"owner\":\"d\\u0062\"}}]");
    List<Alert> second = alerts("[{\"labels\":{\"alertname\":\"Disk\",\"team\":\"db\"}}]");

    assertSame(first.get(0).labels().get("alertname"), first.get(1).labels().get("alertname"));
    assertSame(first.get(0).labels().get("team"), first.get(1).labels().get("owner"));
    assertSame(first.get(0).labels().get("alertname"), second.get(0).labels().get("alertname"));
  }

  @Test
  void everyValueReadsBackAsItsOwnTextWhenSlotsAreTaken() throws IOException {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 200_000; i++) {
      json.append(i == 0 ? "\"" : ",\"").append("value-").append(i % 150_000).append('"');
    }
    LabelValues values = new LabelValues();

    try (JsonParser p = new JsonFactory().createParser(json.append(']').toString())) {
      p.nextToken();
      for (int i = 0; p.nextToken() == JsonToken.VALUE_STRING; i++) {
        assertEquals("value-" + i % 150_000, values.read(p));
      }
    }
  }
}
