package dev.tta.alertrouter.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Rfc3339;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The capture's own JSON writer writes the bytes Jackson's generator writes for the same record,
 * for any text a label or annotation can hold, and what it writes reads back as the record.
 */
class CaptureEncoderTest {
  static final Instant T0 = Instant.parse("2026-12-04T03:00:00.123456789Z");
  /** Characters chosen to reach every branch: escapes, controls, DEL, two- and three-byte UTF-8, surrogate pairs. */
  static final String ALPHABET = "aZ09 _-/:.\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é߿ࠀ€\uffff😀𝄞";

  @Test
  void everyRecordIsWrittenAsJacksonWritesIt() throws IOException {
    Random random = new Random(20261204);
    CaptureCodec.Encoder encoder = new CaptureCodec.Encoder();
    for (int n = 0; n < 2_000; n++) {
      CaptureRecord record = randomRecord(random);
      encoder.encode(record);
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      encoder.writeTo(ours);
      assertEquals(jackson(record), ours.toString(StandardCharsets.UTF_8), "record " + n);
      assertEquals(record, CaptureCodec.parse(encoder.text()).orElseThrow(), "record " + n + " reads back");
    }
  }

  @Test
  void aLoneSurrogateIsEscapedAndReadsBack() {
    String lone = "a\ud800b\udc00";
    CaptureRecord record = new CaptureRecord(T0, "prometheus",
        List.of(new Alert(Labels.of("alertname", lone), Map.of("summary", "\udbff"), T0, null, "", T0)));

    String line = CaptureCodec.line(record);

    assertEquals(true, line.contains("\"alertname\":\"a\\uD800b\\uDC00\""), line);
    assertEquals(record, CaptureCodec.parse(line).orElseThrow());
  }

  private static CaptureRecord randomRecord(Random random) {
    List<Alert> alerts = new ArrayList<>();
    for (int a = random.nextInt(4); a >= 0; a--) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("alertname", text(random));
      for (int i = random.nextInt(4); i > 0; i--) {
        labels.put("l" + i + text(random), text(random));
      }
      Map<String, String> annotations = new LinkedHashMap<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        annotations.put(text(random), text(random));
      }
      Instant start = T0.minusSeconds(random.nextInt(100_000));
      Instant end = random.nextBoolean() ? null : T0.plusNanos(random.nextInt(1_000_000_000));
      alerts.add(new Alert(Labels.of(labels), annotations, start, end, text(random), T0,
          end != null && random.nextBoolean()));
    }
    return new CaptureRecord(T0, random.nextBoolean() ? "prometheus" : text(random), alerts);
  }

  private static String text(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
          random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
    }
    return sb.toString();
  }

  private static String rfc3339(Instant instant) {
    char[] chars = new char[Rfc3339.MAX_LENGTH];
    return new String(chars, 0, Rfc3339.write(instant, chars));
  }

  /** The line as the codec wrote it with Jackson's generator, before it had its own writer. */
  private static String jackson(CaptureRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("receivedAt", rfc3339(record.receivedAt()));
      g.writeStringField("source", record.source());
      g.writeArrayFieldStart("alerts");
      for (Alert a : record.alerts()) {
        g.writeStartObject();
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> e : a.labels().asMap().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("annotations");
        for (Map.Entry<String, String> e : a.annotations().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("startsAt", rfc3339(a.startsAt()));
        if (a.endsAt() != null) {
          g.writeStringField("endsAt", rfc3339(a.endsAt()));
        }
        g.writeStringField("generatorURL", a.generatorUrl());
        if (a.endsAtByTimeout()) {
          g.writeBooleanField("endsAtByTimeout", true);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8) + "\n";
  }
}
