package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

// The reference for StreamingParsersMatchTreeReferenceTest: the tree-based parser as it was on main at
// 7d46283, before intake parsed from Jackson's stream; kept unchanged but for the class names.
/** Reads a request body into a JSON tree, turning syntax errors into a problem the client can read. */
final class ReferenceJsonBody {
  // Trailing garbage after the document is as malformed as a missing bracket.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ReferenceJsonBody() {}

  /** The tree; throws {@link Malformed} naming the position and the complaint. */
  static JsonNode read(byte[] body) throws Malformed {
    if (body.length == 0) {
      throw new Malformed("empty body; expected JSON");
    }
    try {
      JsonNode tree = MAPPER.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new Malformed("empty body; expected JSON");
      }
      return tree;
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
