package dev.tta.alertrouter.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Rfc3339;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CaptureCodec() {}

  /** The record as one line, without the line break (one record; many go through an {@link Encoder}). */
  public static String line(CaptureRecord record) {
    Encoder encoder = new Encoder();
    encoder.encode(record);
    return encoder.text();
  }

  /**
   * Encodes records one after the other into one reused buffer, as UTF-8 at once: every push is
   * captured, and encoding each to a String, then to bytes, with times through {@link
   * Instant#toString}, took a quarter of the server's CPU and a third of its allocation under a
   * storm (bench/README.md, "Intake"). Not thread-safe: one per writer.
   */
  public static final class Encoder {
    private final JsonLine line = new JsonLine();
    private final char[] time = new char[Rfc3339.MAX_LENGTH];
    /** Members written into the object open now: each after the first follows a comma. */
    private int memberCount;

    /** Encodes {@code record} as one line with its line break; the buffer holds it until the next call. */
    public void encode(CaptureRecord record) {
      line.reset();
      line.raw("{\"receivedAt\":");
      writeTime(record.receivedAt());
      line.raw(",\"source\":").string(record.source()).raw(",\"alerts\":[");
      boolean first = true;
      for (Alert a : record.alerts()) {
        if (!first) {
          line.raw(',');
        }
        first = false;
        writeAlert(a);
      }
      line.raw("]}\n");
    }

    /** Bytes of the last line, its line break included. */
    public int size() {
      return line.size();
    }

    /** The last line as text, without its line break. */
    public String text() {
      return new String(line.bytes(), 0, line.size() - 1, StandardCharsets.UTF_8);
    }

    /** Writes the last line to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
      line.writeTo(out);
    }

    private void writeAlert(Alert a) {
      line.raw("{\"labels\":{");
      memberCount = 0;
      // In name order, without the sorted map copy asMap() would make per alert.
      a.labels().forEach(this::writeMember);
      line.raw("},\"annotations\":{");
      memberCount = 0;
      for (Map.Entry<String, String> e : a.annotations().entrySet()) {
        writeMember(e.getKey(), e.getValue());
      }
      line.raw("},\"startsAt\":");
      writeTime(a.startsAt());
      if (a.endsAt() != null) {
        line.raw(",\"endsAt\":");
        writeTime(a.endsAt());
      }
      line.raw(",\"generatorURL\":").string(a.generatorUrl());
      if (a.endsAtByTimeout()) {
        line.raw(",\"endsAtByTimeout\":true");
      }
      line.raw('}');
    }

    private void writeMember(String name, String value) {
      if (memberCount++ > 0) {
        line.raw(',');
      }
      line.string(name).raw(':').string(value);
    }

    private void writeTime(Instant instant) {
      int length = Rfc3339.write(instant, time);
      if (length < 0) {
        line.string(instant.toString());
      } else {
        line.quotedAscii(time, length);
      }
    }
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
