package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The value of one scalar field as read from the stream, before it is judged: absent, null, a
 * string, or anything else. Anything else is kept as a tree, since only an error message, which
 * echoes it, looks at it.
 *
 * <p>Reused from one alert to the next. The alerts of a push mostly repeat these fields: one
 * evaluation's times, one rule's generator URL, "firing". So the last string read is kept with its
 * characters, and the last time parsed with its text: a repeat costs a comparison, and gives the
 * same String (held once in the store) and the same time, without a new String or a parse.
 */
final class FieldValue {
  private enum Kind { ABSENT, NULL, STRING, OTHER }

  private Kind kind = Kind.ABSENT;
  private String text;
  private JsonNode other;

  private String lastText;
  private char[] lastChars;
  private String timeText;
  private Instant time;

  /** Reads the value the parser is on, consuming all of it; a later duplicate replaces it. */
  void read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    other = null;
    text = null;
    if (token == JsonToken.VALUE_STRING) {
      kind = Kind.STRING;
      text = readText(parser);
    } else if (token == JsonToken.VALUE_NULL) {
      kind = Kind.NULL;
    } else {
      kind = Kind.OTHER;
      other = parser.readValueAsTree();
    }
  }

  private String readText(JsonParser parser) throws IOException {
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int end = offset + parser.getTextLength();
    if (lastChars == null || !Arrays.equals(lastChars, 0, lastChars.length, chars, offset, end)) {
      lastChars = Arrays.copyOfRange(chars, offset, end);
      lastText = new String(lastChars);
    }
    return lastText;
  }

  void clear() {
    kind = Kind.ABSENT;
    text = null;
    other = null;
  }

  boolean isAbsent() {
    return kind == Kind.ABSENT;
  }

  /** Absent or JSON null: both mean "not given". */
  boolean isMissing() {
    return kind == Kind.ABSENT || kind == Kind.NULL;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }

  /** The string; null unless {@link #isString()}. */
  String text() {
    return text;
  }

  /**
   * The string read as an RFC 3339 time, null for Go's zero time; throws {@link DateTimeException}
   * when it is not one. Only for a string value.
   */
  Instant time() {
    if (text != timeText) {
      timeText = null;
      Instant t = Timestamps.parse(text);
      time = Timestamps.isZero(t) ? null : t;
      timeText = text;
    }
    return time;
  }

  /** The value written as Jackson's tree writes it, for an error message; null when absent. */
  String asJson() {
    return switch (kind) {
      case ABSENT -> null;
      case NULL -> NullNode.getInstance().toString();
      case STRING -> TextNode.valueOf(text).toString();
      case OTHER -> other.toString();
    };
  }
}
