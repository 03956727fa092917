package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Matcher;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Alertmanager's {@code postableSilence} with the checks its OpenAPI layer makes, in its
 * order, and its wording: a body that is not JSON or has a value of the wrong type is 400
 * {@code {"code":400,"message":"parsing silence body from \"\" failed, because …"}}; a missing
 * required field or an empty {@code matchers} is 422 with go-openapi's code (the first problem, fields
 * in alphabetical order). Stricter than Alertmanager 0.25, which ignores them: an unknown field is
 * refused (400 {@code "unknown field \"x\" in silence"}), so a typo cannot be
 * stored silently; that answer is a JSON string, as the spec's {@code BadRequest}.
 */
final class V2SilenceBody {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SILENCE_FIELDS = Set.of("id", "matchers", "startsAt", "endsAt", "createdBy", "comment");
  private static final Set<String> MATCHER_FIELDS = Set.of("name", "value", "isRegex", "isEqual");
  private static final List<String> REQUIRED = List.of("comment", "createdBy", "endsAt", "matchers", "startsAt");

  private V2SilenceBody() {}

  /** A posted silence, read: every required field present and of its type. */
  record Posted(Optional<String> id, List<RawMatcher> matchers, Instant startsAt, Instant endsAt,
      Optional<String> createdBy, String comment) {}

  /** One posted matcher, before its regex is compiled. */
  record RawMatcher(String name, String value, boolean isRegex, boolean isEqual) {
    Matcher.Type type() {
      return isRegex ? (isEqual ? Matcher.Type.REGEX : Matcher.Type.NOT_REGEX)
          : (isEqual ? Matcher.Type.EQUAL : Matcher.Type.NOT_EQUAL);
    }
  }

  /** Why a body was refused: the status and the go-openapi code and message (code 0: a plain JSON string). */
  static final class Refused extends Exception {
    final int status;
    final int code;

    Refused(int status, int code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    static Refused parsing(String because) {
      return new Refused(400, 400, "parsing silence body from \"\" failed, because " + because);
    }
  }

  /**
   * @param authorKnown true when the request carries an authenticated identity, which becomes the
   *     author: then {@code createdBy} may be left out
   */
  static Posted read(String body, boolean authorKnown) throws Refused {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw Refused.parsing("invalid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw Refused.parsing("EOF");
    }
    if (!root.isObject()) {
      throw Refused.parsing("json: cannot unmarshal " + jsonType(root) + " into Go value of type models.PostableSilence");
    }
    unknownFields(root, SILENCE_FIELDS);
    String id = string(root, "id", "PostableSilence.id");
    String comment = string(root, "comment", "Silence.comment");
    String createdBy = string(root, "createdBy", "Silence.createdBy");
    String endsAt = string(root, "endsAt", "Silence.endsAt");
    String startsAt = string(root, "startsAt", "Silence.startsAt");
    JsonNode matchers = root.get("matchers");
    if (matchers != null && !matchers.isNull() && !matchers.isArray()) {
      throw Refused.parsing("json: cannot unmarshal " + jsonType(matchers) + " into Go struct field Silence.matchers of type models.Matchers");
    }
    List<JsonNode> items = new ArrayList<>();
    if (matchers != null && matchers.isArray()) {
      matchers.forEach(items::add);
      for (JsonNode m : items) {
        if (!m.isObject()) {
          throw Refused.parsing("json: cannot unmarshal " + jsonType(m) + " into Go struct field Silence.matchers of type models.Matcher");
        }
        unknownFields(m, MATCHER_FIELDS);
      }
    }
    Instant start = time(startsAt);
    Instant end = time(endsAt);
    for (String field : REQUIRED) {
      boolean missing = switch (field) {
        case "comment" -> comment == null;
        case "createdBy" -> createdBy == null && !authorKnown;
        case "endsAt" -> end == null;
        case "matchers" -> matchers == null || matchers.isNull();
        default -> start == null;
      };
      if (missing) {
        throw new Refused(422, V2Replies.REQUIRED, field + " in body is required");
      }
    }
    if (items.isEmpty()) {
      throw new Refused(422, V2Replies.TOO_FEW_ITEMS, "matchers in body should have at least 1 items");
    }
    List<RawMatcher> raw = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      raw.add(matcher(items.get(i), i));
    }
    return new Posted(Optional.ofNullable(id).filter(s -> !s.isEmpty()), raw, start, end,
        Optional.ofNullable(createdBy), comment);
  }

  private static RawMatcher matcher(JsonNode m, int index) throws Refused {
    Boolean isEqual = bool(m, "isEqual");
    Boolean isRegex = bool(m, "isRegex");
    String name = string(m, "name", "Matcher.name");
    String value = string(m, "value", "Matcher.value");
    String where = "matchers." + index + ".";
    if (isRegex == null) {
      throw new Refused(422, V2Replies.REQUIRED, where + "isRegex in body is required");
    }
    if (name == null) {
      throw new Refused(422, V2Replies.REQUIRED, where + "name in body is required");
    }
    if (value == null) {
      throw new Refused(422, V2Replies.REQUIRED, where + "value in body is required");
    }
    return new RawMatcher(name, value, isRegex, isEqual == null || isEqual);
  }

  private static void unknownFields(JsonNode object, Set<String> known) throws Refused {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new Refused(400, 0, "unknown field \"" + name + "\" in silence");
      }
    }
  }

  private static String string(JsonNode node, String field, String goField) throws Refused {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw Refused.parsing("json: cannot unmarshal " + jsonType(v) + " into Go struct field " + goField + " of type string");
    }
    return v.asText();
  }

  private static Boolean bool(JsonNode node, String field) throws Refused {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw Refused.parsing("json: cannot unmarshal " + jsonType(v) + " into Go struct field Matcher.matchers." + field + " of type bool");
    }
    return v.asBoolean();
  }

  private static Instant time(String text) throws Refused {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw Refused.parsing("parsing time \"" + text + "\" as an RFC 3339 date-time failed");
    }
  }

  private static String jsonType(JsonNode v) {
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isObject()) {
      return "object";
    }
    return "string";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
