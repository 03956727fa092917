package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusPushParserTest {
  static final Path FIXTURE = Fixtures.PROMETHEUS_PUSH;
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");
  static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);

  final PrometheusPushParser parser =
      new PrometheusPushParser(Clock.fixed(NOW, ZoneOffset.UTC), RESOLVE_TIMEOUT);

  Alert only(String json) {
    ParseResult.Batch batch =
        assertInstanceOf(ParseResult.Batch.class, parser.parse(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), batch.problems());
    return batch.alerts().get(0);
  }

  @Test
  void fixtureIsFiringUntilItsEndsAt() throws IOException {
    ParseResult.Batch batch =
        assertInstanceOf(ParseResult.Batch.class, parser.parse(Files.readAllBytes(FIXTURE)));

    Alert alert = batch.alerts().get(0);
    assertEquals(Labels.of("alertname", "TTAServiceDown", "instance", "127.0.0.1:19090",
        "job", "prometheus", "severity", "critical", "team", "platform"), alert.labels());
    assertEquals(Instant.parse("2026-11-24T19:12:40.111Z"), alert.endsAt());
    assertFalse(alert.endsAtByTimeout());
    assertEquals(Alert.Status.FIRING, alert.statusAt(NOW));
    assertEquals(Alert.Status.RESOLVED, alert.statusAt(Instant.parse("2026-11-24T19:12:40.111Z")));
  }

  @Test
  void missingEndsAtBecomesNowPlusResolveTimeoutMarkedAsSuch() {
    Alert alert = only("[{\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-24T19:00:00Z\"}]");

    assertEquals(NOW.plus(RESOLVE_TIMEOUT), alert.endsAt());
    assertTrue(alert.endsAtByTimeout());
  }

  @Test
  void missingStartsAtBecomesNowOrTheGivenEnd() {
    assertEquals(NOW, only("[{\"labels\":{\"alertname\":\"A\"}}]").startsAt());
    Instant end = Instant.parse("2026-11-24T19:05:00Z");
    assertEquals(end, only("[{\"labels\":{\"alertname\":\"A\"},\"endsAt\":\"2026-11-24T19:05:00Z\"}]").startsAt());
  }

  @Test
  void resolveTimeoutIsReadAtEachParse() {
    Duration[] timeout = {Duration.ofMinutes(1)};
    PrometheusPushParser reloadable =
        new PrometheusPushParser(Clock.fixed(NOW, ZoneOffset.UTC), () -> timeout[0]);
    byte[] body = "[{\"labels\":{\"alertname\":\"A\"}}]".getBytes(StandardCharsets.UTF_8);

    timeout[0] = Duration.ofMinutes(7);
    ParseResult.Batch batch = assertInstanceOf(ParseResult.Batch.class, reloadable.parse(body));

    assertEquals(NOW.plus(Duration.ofMinutes(7)), batch.alerts().get(0).endsAt());
  }

  @Test
  void objectBodyIsRejectedAsAWhole() {
    ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class,
        parser.parse("{\"labels\":{\"alertname\":\"A\"}}".getBytes(StandardCharsets.UTF_8)));

    assertEquals(InvalidReason.INVALID_PAYLOAD, rejected.reason());
    assertEquals("body must be a JSON array of alerts", rejected.problems().get(0).message());
  }

  @Test
  void syntaxErrorAfterGoodAlertsRejectsTheWholeBody() {
    ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class, parser.parse(
        "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}} {]"
            .getBytes(StandardCharsets.UTF_8)));

    assertEquals(InvalidReason.MALFORMED_JSON, rejected.reason());
    assertTrue(rejected.problems().get(0).message().startsWith("malformed JSON at line 1, column 60: "),
        rejected.problems().get(0).message());
  }

  @Test
  void badFieldInOneAlertKeepsTheAlertsAfterIt() {
    ParseResult.Batch batch = assertInstanceOf(ParseResult.Batch.class, parser.parse((
        "[{\"labels\":{\"alertname\":\"A\"}},"
            + "{\"labels\":{\"alertname\":\"B\",\"code\":{\"nested\":[1,{\"x\":\"y\"}]}},\"endsAt\":7},"
            + "{\"labels\":{\"alertname\":\"C\"}}]").getBytes(StandardCharsets.UTF_8)));

    assertEquals(List.of("A", "C"), batch.alerts().stream().map(a -> a.labels().get("alertname")).toList());
    assertEquals(List.of("labels.code", "endsAt"), batch.problems().stream().map(Problem::field).toList());
    assertTrue(batch.problems().stream().allMatch(p -> p.index() == 1));
    assertEquals(3, batch.received());
  }

  @Test
  void fieldsRepeatedAcrossAlertsAreOneInstance() {
    ParseResult.Batch batch = assertInstanceOf(ParseResult.Batch.class, parser.parse((
        "[{\"labels\":{\"alertname\":\"A\"},\"generatorURL\":\"http://p/graph\",\"endsAt\":\"2026-11-24T19:20:00Z\"},"
            + "{\"labels\":{\"alertname\":\"B\"},\"generatorURL\":\"http://p/graph\",\"endsAt\":\"2026-11-24T19:20:00Z\"},"
            + "{\"labels\":{\"alertname\":\"C\"},\"generatorURL\":\"http://p/other\",\"endsAt\":\"2026-11-24T19:25:00Z\"}]")
        .getBytes(StandardCharsets.UTF_8)));

    List<Alert> alerts = batch.alerts();
    assertSame(alerts.get(0).generatorUrl(), alerts.get(1).generatorUrl());
    assertSame(alerts.get(0).endsAt(), alerts.get(1).endsAt());
    assertEquals("http://p/other", alerts.get(2).generatorUrl());
    assertEquals(Instant.parse("2026-11-24T19:25:00Z"), alerts.get(2).endsAt());
  }
}
