package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The name/value members of one JSON object of strings ({@code labels}, {@code annotations}) as read
 * from the stream, before they are judged. A name given twice keeps its first place and its last
 * value, as Jackson's tree kept it. Reused from one alert to the next.
 */
final class Members {
  // An alert has a handful of labels: a scan finds a repeated name faster than a map, but a body of
  // a million labels must not make the scan quadratic.
  private static final int SCANNED_AT_MOST = 16;

  /** Reads the string value the parser is on. */
  @FunctionalInterface
  interface StringReader {
    String read(JsonParser parser) throws IOException;
  }

  private enum Kind { MISSING, OBJECT, OTHER }

  private final StringReader strings;
  private Kind kind = Kind.MISSING;
  private String[] names = new String[SCANNED_AT_MOST];
  private String[] values = new String[SCANNED_AT_MOST];
  private int size;
  private Map<String, Integer> positions;

  Members(StringReader strings) {
    this.strings = strings;
  }

  /** Reads the value the parser is on, consuming all of it; a later duplicate replaces it. */
  void read(JsonParser parser) throws IOException {
    clear();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      kind = Kind.OTHER;
      JsonBody.skip(parser);
      return;
    }
    kind = Kind.OBJECT;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      if (parser.nextToken() == JsonToken.VALUE_STRING) {
        put(name, strings.read(parser));
      } else {
        JsonBody.skip(parser);
        put(name, null);
      }
    }
  }

  void clear() {
    kind = Kind.MISSING;
    size = 0;
    positions = null;
  }

  /** Absent or JSON null. */
  boolean isMissing() {
    return kind == Kind.MISSING;
  }

  boolean isObject() {
    return kind == Kind.OBJECT;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  /** The value of the {@code i}th member; null when it is not a string. */
  String value(int i) {
    return values[i];
  }

  private void put(String name, String value) {
    int at = positionOf(name);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    if (positions != null) {
      positions.put(name, size);
    } else if (size == SCANNED_AT_MOST) {
      positions = new HashMap<>();
      for (int i = 0; i <= size; i++) {
        positions.put(names[i], i);
      }
    }
    size++;
  }

  private int positionOf(String name) {
    if (positions != null) {
      return positions.getOrDefault(name, -1);
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
