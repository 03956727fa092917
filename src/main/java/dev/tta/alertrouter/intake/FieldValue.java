package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The value of one scalar field as read from the stream, before it is judged: absent, null, a
 * string, or anything else. Anything else is kept as a tree, since only an error message, which
 * echoes it, looks at it. Reused from one alert to the next, so that reading a field allocates
 * nothing but its text.
 */
final class FieldValue {
  private enum Kind { ABSENT, NULL, STRING, OTHER }

  private Kind kind = Kind.ABSENT;
  private String text;
  private JsonNode other;

  /** Reads the value the parser is on, consuming all of it; a later duplicate replaces it. */
  void read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    other = null;
    text = null;
    if (token == JsonToken.VALUE_STRING) {
      kind = Kind.STRING;
      text = parser.getText();
    } else if (token == JsonToken.VALUE_NULL) {
      kind = Kind.NULL;
    } else {
      kind = Kind.OTHER;
      other = parser.readValueAsTree();
    }
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
