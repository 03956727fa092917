package dev.tta.alertrouter.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One structured log line: a message and named fields, written as logfmt or as one JSON object.
 *
 * @param fields values are strings, numbers or lists of strings, in a stable order
 */
record LogLine(Instant ts, Level level, String msg, Map<String, Object> fields) {
  private static final ObjectMapper JSON = new ObjectMapper();

  LogLine {
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(msg, "msg");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  enum Level {
    DEBUG, INFO;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code {"ts":…,"level":…,"msg":…,<fields>}} on one line. */
  String json() {
    ObjectNode node = JSON.createObjectNode();
    node.put("ts", ts.toString());
    node.put("level", level.wireName());
    node.put("msg", msg);
    fields.forEach((name, value) -> {
      if (value instanceof Number n) {
        node.put(name, n.longValue());
      } else if (value instanceof List<?> list) {
        ArrayNode array = node.putArray(name);
        list.forEach(item -> array.add(String.valueOf(item)));
      } else {
        node.put(name, String.valueOf(value));
      }
    });
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a log line did not serialise", e);
    }
  }

  /**
   * {@code msg="…" key=value …}: logfmt, as Loki's {@code | logfmt} reads it; the time and level
   * come from the process log's own prefix.
   */
  String logfmt() {
    StringBuilder sb = new StringBuilder("msg=").append(quoted(msg));
    fields.forEach((name, value) -> {
      String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
          : String.valueOf(value);
      sb.append(' ').append(name).append('=').append(quoted(text));
    });
    return sb.toString();
  }

  /** Bare when safe, else in double quotes with {@code \} and {@code "} escaped and no line breaks. */
  private static String quoted(String value) {
    boolean bare = !value.isEmpty();
    for (int i = 0; i < value.length() && bare; i++) {
      char c = value.charAt(i);
      bare = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f;
    }
    if (bare) {
      return value;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
