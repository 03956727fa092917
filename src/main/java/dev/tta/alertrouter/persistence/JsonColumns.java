package dev.tta.alertrouter.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON text columns: label sets and annotations as JSON objects, silence matchers as an array
 * of {@code {name, type, value}}. Streamed with Jackson's core API, as this runs for every alert
 * written.
 */
final class JsonColumns {
  private final JsonFactory json = new JsonFactory();

  String labels(Labels labels) {
    return write(
        out -> {
          out.writeStartObject();
          IOException[] failure = new IOException[1];
          labels.forEach(
              (name, value) -> {
                try {
                  out.writeStringField(name, value);
                } catch (IOException e) {
                  failure[0] = e;
                }
              });
          if (failure[0] != null) {
            throw failure[0];
          }
          out.writeEndObject();
        });
  }

  String map(Map<String, String> map) {
    return write(
        out -> {
          out.writeStartObject();
          for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeStringField(e.getKey(), e.getValue());
          }
          out.writeEndObject();
        });
  }

  String matchers(List<Matcher> matchers) {
    return write(
        out -> {
          out.writeStartArray();
          for (Matcher m : matchers) {
            out.writeStartObject();
            out.writeStringField("name", m.name());
            out.writeStringField("type", m.type().operator());
            out.writeStringField("value", m.value());
            out.writeEndObject();
          }
          out.writeEndArray();
        });
  }

  Labels parseLabels(String text) {
    return Labels.of(parseMap(text));
  }

  Map<String, String> parseMap(String text) {
    try (JsonParser in = json.createParser(text)) {
      expect(in.nextToken(), JsonToken.START_OBJECT, text);
      Map<String, String> map = new TreeMap<>();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        expect(in.nextToken(), JsonToken.VALUE_STRING, text);
        map.put(name, in.getText());
      }
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable JSON column: " + text, e);
    }
  }

  List<Matcher> parseMatchers(String text) {
    try (JsonParser in = json.createParser(text)) {
      expect(in.nextToken(), JsonToken.START_ARRAY, text);
      List<Matcher> matchers = new ArrayList<>();
      while (in.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> fields = new TreeMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          expect(in.nextToken(), JsonToken.VALUE_STRING, text);
          fields.put(name, in.getText());
        }
        matchers.add(
            Matcher.of(
                required(fields, "name", text),
                Matcher.Type.fromOperator(required(fields, "type", text)),
                required(fields, "value", text)));
      }
      return matchers;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable JSON column: " + text, e);
    }
  }

  /** A list of names (a silence's recurrence) as a JSON array of strings. */
  String strings(List<String> values) {
    return write(
        out -> {
          out.writeStartArray();
          for (String v : values) {
            out.writeString(v);
          }
          out.writeEndArray();
        });
  }

  List<String> parseStrings(String text) {
    try (JsonParser in = json.createParser(text)) {
      expect(in.nextToken(), JsonToken.START_ARRAY, text);
      List<String> values = new ArrayList<>();
      while (in.nextToken() == JsonToken.VALUE_STRING) {
        values.add(in.getText());
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable JSON column: " + text, e);
    }
  }

  private static String required(Map<String, String> fields, String name, String text) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalStateException("matcher without \"" + name + "\" in stored column: " + text);
    }
    return value;
  }

  private static void expect(JsonToken actual, JsonToken expected, String text) {
    if (actual != expected) {
      throw new IllegalStateException("expected " + expected + " but found " + actual + " in stored column: " + text);
    }
  }

  private String write(Body body) {
    StringWriter text = new StringWriter(128);
    try (JsonGenerator out = json.createGenerator(text)) {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(JsonGenerator out) throws IOException;
  }
}
