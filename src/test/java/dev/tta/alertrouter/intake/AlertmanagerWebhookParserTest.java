package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerWebhookParserTest {
  static final Path FIXTURES = Fixtures.ALERTMANAGER;
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");

  final AlertmanagerWebhookParser parser =
      new AlertmanagerWebhookParser(Clock.fixed(NOW, ZoneOffset.UTC));

  static Stream<Path> fixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  ParseResult.Batch batch(String json) {
    return assertInstanceOf(ParseResult.Batch.class, parser.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureAlertsHaveAlertmanagersFingerprintsAndStatuses(Path fixture) throws IOException {
    JsonNode payload = new ObjectMapper().readTree(fixture.toFile());

    ParseResult.Batch batch = assertInstanceOf(ParseResult.Batch.class, parser.parse(Files.readAllBytes(fixture)));

    assertEquals(List.of(), batch.problems());
    assertEquals(payload.get("alerts").size(), batch.alerts().size());
    assertEquals(payload.get("truncatedAlerts").asInt(), batch.truncatedAlerts());
    for (int i = 0; i < batch.alerts().size(); i++) {
      Alert alert = batch.alerts().get(i);
      JsonNode expected = payload.get("alerts").get(i);
      assertEquals(expected.get("fingerprint").asText(), alert.fingerprint().toString());
      assertEquals(expected.get("status").asText(), alert.statusAt(NOW).wireName());
      assertEquals(Instant.parse(expected.get("startsAt").asText()), alert.startsAt());
      assertEquals(NOW, alert.updatedAt());
    }
  }

  @Test
  void zeroEndsAtMeansUnknownEndAndNeverATimeout() throws IOException {
    ParseResult.Batch batch = assertInstanceOf(ParseResult.Batch.class,
        parser.parse(Files.readAllBytes(FIXTURES.resolve("webhook-firing-single.json"))));

    Alert alert = batch.alerts().get(0);
    assertNull(alert.endsAt());
    assertEquals(false, alert.endsAtByTimeout());
    assertEquals(Alert.Status.FIRING, alert.statusAt(NOW.plusSeconds(365L * 24 * 3600)));
  }

  @Test
  void emptyLabelValuesAreDroppedBeforeFingerprinting() {
    ParseResult.Batch batch = batch("""
        {"version":"4","alerts":[{"status":"firing","labels":{"alertname":"A","empty":""},
         "startsAt":"2026-11-24T19:08:19Z","endsAt":"0001-01-01T00:00:00Z"}]}""");

    assertEquals("{alertname=\"A\"}", batch.alerts().get(0).labels().toString());
  }

  @Test
  void everyProblemOfAnAlertIsNamed() {
    ParseResult.Batch batch = batch("""
        {"version":"4","alerts":[{"status":"bogus","labels":{"foo-bar":"x","ok":"y"},
         "annotations":{"bad name":"z"},"startsAt":"yesterday","endsAt":"0001-01-01T00:00:00Z"}]}""");

    assertEquals(List.of("labels.foo-bar", "annotations.bad name", "startsAt", "status"),
        batch.problems().stream().map(Problem::field).toList());
    assertTrue(batch.problems().stream().allMatch(p -> p.index() == 0));
    assertEquals(InvalidReason.INVALID_LABEL_NAME, batch.firstProblemPerAlert().get(0).reason());
  }

  @Test
  void labelValueWithALoneSurrogateIsNotUtf8() {
    ParseResult.Batch batch = batch("""
        {"version":"4","alerts":[{"status":"firing","labels":{"alertname":"\\ud800"},
         "startsAt":"2026-11-24T19:08:19Z"}]}""");

    assertEquals(InvalidReason.INVALID_LABEL_VALUE, batch.problems().get(0).reason());
    assertEquals("labels.alertname", batch.problems().get(0).field());
  }

  @Test
  void trailingGarbageIsMalformed() {
    ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class,
        parser.parse("{\"version\":\"4\",\"alerts\":[]} x".getBytes(StandardCharsets.UTF_8)));

    assertEquals(InvalidReason.MALFORMED_JSON, rejected.reason());
  }

  @Test
  void truncatedAlertsMustBeANonNegativeInteger() {
    ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class, parser.parse(
        "{\"version\":\"4\",\"alerts\":[],\"truncatedAlerts\":-1}".getBytes(StandardCharsets.UTF_8)));

    assertEquals("truncatedAlerts", rejected.problems().get(0).field());
  }

  @Test
  void unsupportedVersionAfterTheAlertsRejectsTheWholePayload() {
    ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class, parser.parse((
        "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},"
            + "\"startsAt\":\"2026-11-24T19:08:19Z\"}],\"version\":\"3\"}").getBytes(StandardCharsets.UTF_8)));

    assertEquals(InvalidReason.UNSUPPORTED_VERSION, rejected.reason());
    assertEquals("unsupported webhook version \"3\"; expected \"4\"", rejected.problems().get(0).message());
  }
}
