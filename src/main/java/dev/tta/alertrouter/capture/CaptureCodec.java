package dev.tta.alertrouter.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One {@link CaptureRecord} per line of NDJSON:
 * {@code {"receivedAt":"…","source":"prometheus","alerts":[{"labels":{…},"annotations":{…},
 * "startsAt":"…","endsAt":"…","generatorURL":"…"}]}}; {@code endsAt} is absent when unknown, and
 * {@code "endsAtByTimeout":true} marks an end the parser derived from {@code resolve_timeout}.
 */
public final class CaptureCodec {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CaptureCodec() {}

  /** The record as one line, without the line break. */
  public static String line(CaptureRecord record) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("receivedAt", record.receivedAt().toString());
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
        g.writeStringField("startsAt", a.startsAt().toString());
        if (a.endsAt() != null) {
          g.writeStringField("endsAt", a.endsAt().toString());
        }
        g.writeStringField("generatorURL", a.generatorUrl());
        if (a.endsAtByTimeout()) {
          g.writeBooleanField("endsAtByTimeout", true);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The record a line holds, or empty for a line that is not one (a torn last line after a crash). */
  public static Optional<CaptureRecord> parse(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(line);
      Instant at = Instant.parse(node.get("receivedAt").asText());
      List<Alert> alerts = new ArrayList<>();
      for (JsonNode a : node.get("alerts")) {
        Instant endsAt = a.hasNonNull("endsAt") ? Instant.parse(a.get("endsAt").asText()) : null;
        alerts.add(new Alert(Labels.of(strings(a.get("labels"))), strings(a.get("annotations")),
            Instant.parse(a.get("startsAt").asText()), endsAt, a.path("generatorURL").asText(""), at,
            a.path("endsAtByTimeout").asBoolean(false) && endsAt != null));
      }
      return Optional.of(new CaptureRecord(at, node.path("source").asText("unknown"), alerts));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Every record of an NDJSON file, in file order; lines that are not records are skipped. */
  public static void readFile(Path file, Consumer<CaptureRecord> each) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      readLines(in, each);
    }
  }

  static void readLines(BufferedReader in, Consumer<CaptureRecord> each) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      parse(line).ifPresent(each);
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object != null) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
