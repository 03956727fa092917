package dev.tta.alertrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Silences on the wire, in the shape of Alertmanager's v2 API ({@code postableSilence} in,
 * {@code gettableSilence} out). Reading collects every problem instead of stopping at the first.
 */
final class SilenceJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SilenceJson() {}

  /** What reading a posted body produced: a draft when {@code problems} is empty. */
  record Parsed(SilenceDraft draft, List<String> problems) {}

  static Parsed readDraft(JsonNode body) {
    List<String> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return new Parsed(null, List.of("body must be a JSON object"));
    }
    String id = optionalText(body, "id", problems);
    List<Matcher> matchers = readMatchers(body.get("matchers"), problems);
    Instant startsAt = optionalTime(body, "startsAt", problems);
    Instant endsAt = optionalTime(body, "endsAt", problems);
    String createdBy = optionalText(body, "createdBy", problems);
    String comment = optionalText(body, "comment", problems);
    List<String> recurrence = readRecurrence(body.get("recurrence"), problems);
    Optional<String> owner = Optional.ofNullable(optionalText(body, "owner", problems));
    SilenceDraft draft = problems.isEmpty()
        ? new SilenceDraft(id, matchers, startsAt, endsAt, createdBy, comment, recurrence, owner)
        : null;
    return new Parsed(draft, problems);
  }

  /**
   * alert-router's extension: the {@code time_intervals} names a recurring silence mutes inside, a
   * name or an array of names. Absent means a one-off silence, as Alertmanager's.
   */
  private static List<String> readRecurrence(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode name : node) {
        if (name.isTextual() && !name.asText().isBlank()) {
          names.add(name.asText());
        } else {
          problems.add("recurrence must name time_intervals: each entry a non-empty string");
          return List.of();
        }
      }
      return names;
    }
    problems.add("recurrence must be a time_intervals name or an array of them");
    return List.of();
  }

  /**
   * Each matcher is an object {@code {"name","value","isRegex","isEqual"}} ({@code isEqual} defaults
   * to true, as in Alertmanager) or a string as amtool writes it, e.g. {@code team="platform"}.
   * Missing matchers are left to the silence validation, which names them.
   */
  private static List<Matcher> readMatchers(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("matchers must be an array");
      return null;
    }
    List<Matcher> matchers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String where = "matchers[" + i + "]";
      JsonNode m = node.get(i);
      try {
        if (m.isTextual()) {
          matchers.addAll(Matchers.parseList(m.asText()));
        } else if (m.isObject()) {
          Matcher parsed = readMatcherObject(m, where, problems);
          if (parsed != null) {
            matchers.add(parsed);
          }
        } else {
          problems.add(where + " must be an object or a string such as team=\"platform\"");
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return matchers;
  }

  private static Matcher readMatcherObject(JsonNode m, String where, List<String> problems) {
    int before = problems.size();
    JsonNode name = m.get("name");
    JsonNode value = m.get("value");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      problems.add(where + ".name is required and must be a string");
    }
    if (value == null || !value.isTextual()) {
      problems.add(where + ".value is required and must be a string");
    }
    boolean isRegex = optionalBoolean(m, "isRegex", false, where, problems);
    boolean isEqual = optionalBoolean(m, "isEqual", true, where, problems);
    if (problems.size() > before) {
      return null;
    }
    Matcher.Type type = isRegex
        ? (isEqual ? Matcher.Type.REGEX : Matcher.Type.NOT_REGEX)
        : (isEqual ? Matcher.Type.EQUAL : Matcher.Type.NOT_EQUAL);
    return Matcher.of(name.asText(), type, value.asText());
  }

  private static boolean optionalBoolean(
      JsonNode node, String field, boolean missing, String where, List<String> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return missing;
    }
    if (!v.isBoolean()) {
      problems.add(where + "." + field + " must be true or false");
      return missing;
    }
    return v.asBoolean();
  }

  private static String optionalText(JsonNode body, String field, List<String> problems) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(field + " must be a string");
      return null;
    }
    return v.asText();
  }

  private static Instant optionalTime(JsonNode body, String field, List<String> problems) {
    String text = optionalText(body, field, problems);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(field + " must be an RFC 3339 time such as 2024-05-01T12:00:00Z, got \"" + text + "\"");
      return null;
    }
  }

  /** Alertmanager's {@code gettableSilence}, its state seen at {@code now}. */
  static ObjectNode write(Silence s, Instant now) {
    ObjectNode node = NODES.objectNode();
    node.put("id", s.id());
    node.putObject("status").put("state", s.stateAt(now).wireName());
    node.put("updatedAt", s.updatedAt().toString());
    ArrayNode matchers = node.putArray("matchers");
    for (Matcher m : s.matchers()) {
      matchers.addObject()
          .put("name", m.name())
          .put("value", m.value())
          .put("isRegex", m.type().isRegex())
          .put("isEqual", m.type() == Matcher.Type.EQUAL || m.type() == Matcher.Type.REGEX);
    }
    node.put("startsAt", s.startsAt().toString());
    node.put("endsAt", s.endsAt().toString());
    node.put("createdBy", s.createdBy());
    node.put("comment", s.comment());
    if (s.recurring()) {
      s.recurrence().forEach(node.putArray("recurrence")::add);
    }
    s.owner().ifPresent(owner -> node.put("owner", owner));
    return node;
  }

  static ObjectNode success(JsonNode data) {
    ObjectNode node = NODES.objectNode();
    node.put("status", "success");
    node.set("data", data);
    return node;
  }

  static ObjectNode error(List<String> problems) {
    ObjectNode node = NODES.objectNode();
    node.put("status", "error");
    ArrayNode errors = node.putArray("errors");
    problems.forEach(errors::add);
    return node;
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }
}
