package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads a request body from Jackson's token stream, turning syntax errors anywhere in it into a
 * problem the client can read. No tree is built: the tree of each request was about half of intake
 * parsing's CPU in an alert storm (bench/README.md).
 */
final class JsonBody {
  // Only the codec for the odd value read as a tree (FieldValue); configured as a plain mapper so
  // that reading a value as a tree never looks past it for trailing tokens.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBody() {}

  /** Reads the document from its first token; it must consume exactly the one value. */
  @FunctionalInterface
  interface Document<T> {
    T read(JsonParser parser) throws IOException;
  }

  /**
   * What {@code document} makes of the body; throws {@link Malformed} naming the position and the
   * complaint when the body is empty, is not JSON, or has anything but whitespace after the value.
   */
  static <T> T read(byte[] body, Document<T> document) throws Malformed {
    if (body.length == 0) {
      throw new Malformed("empty body; expected JSON");
    }
    try (JsonParser parser = MAPPER.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new Malformed("empty body; expected JSON");
      }
      T result = document.read(parser);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        // Trailing garbage is as malformed as a missing bracket. Worded as Jackson's
        // FAIL_ON_TRAILING_TOKENS words it, which is what clients were told before.
        throw MismatchedInputException.from(parser, JsonNode.class, "Trailing token (of type " + trailing
            + ") found after value (bound as `" + JsonNode.class.getName()
            + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
      }
      return result;
    } catch (JsonProcessingException e) {
      // The original message without Jackson's source excerpt: the client needs the position and
      // the complaint, not an echo of its own body.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new Malformed("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Malformed("unreadable body: " + firstLine(e.getMessage()));
    }
  }

  /**
   * Skips the value the parser is on, decoding its strings. {@link JsonParser#skipChildren()} would
   * judge the UTF-8 of a skipped string by other rules (an encoded surrogate gets another message at
   * another column): decoding every string as the tree did keeps the answer to a bad body the same
   * wherever the bad bytes are. Decoding into the parser's buffer makes no String.
   */
  static void skip(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    int depth = 0;
    do {
      if (token == JsonToken.VALUE_STRING) {
        parser.getTextCharacters();
      } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      }
    } while (depth > 0 && (token = parser.nextToken()) != null);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** The body is not JSON. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }

    ParseResult.Rejected toRejection(AlertSource source) {
      return ParseResult.Rejected.of(
          source, Problem.ofPayload(null, getMessage(), InvalidReason.MALFORMED_JSON));
    }
  }
}
