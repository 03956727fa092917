package dev.tta.alertrouter.config;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flattens a configuration value into {@code path → text}, for comparing two of them field by
 * field: records by component, lists by index, maps by key; source locations left out (a line that
 * moved is not a change). A secret becomes a digest that only says whether two secrets are equal;
 * {@link #display} shows it as {@code <secret>}, so no secret reaches a log or an API.
 */
final class ConfigFlattener {
  private static final String SECRET = "\u0000secret:";

  private ConfigFlattener() {}

  static Map<String, String> flatten(Object value, Set<String> skip) {
    Map<String, String> out = new LinkedHashMap<>();
    walk("", value, skip, out);
    return out;
  }

  static String display(String flattened) {
    return flattened != null && flattened.startsWith(SECRET) ? "<secret>" : flattened;
  }

  /** One line per field that differs: {@code field: old -> new}, secrets masked. */
  static List<String> differences(Map<String, String> before, Map<String, String> after) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (String k : keys) {
      String b = before.get(k);
      String a = after.get(k);
      if (!java.util.Objects.equals(a, b)) {
        boolean secret = (b != null && b.startsWith(SECRET)) || (a != null && a.startsWith(SECRET));
        out.add(secret ? k + ": secret changed" : k + ": " + or(display(b)) + " -> " + or(display(a)));
      }
    }
    return out;
  }

  private static String or(String s) {
    return s == null ? "(unset)" : s;
  }

  private static void walk(String path, Object value, Set<String> skip, Map<String, String> out) {
    if (value == null) {
      out.put(path, "null");
    } else if (value instanceof SourceLocation) {
      // where, not what
    } else if (value instanceof Secret s) {
      out.put(path, SECRET + digest(s.reveal()));
    } else if (value instanceof Optional<?> o) {
      if (o.isPresent()) {
        walk(path, o.get(), skip, out);
      } else {
        out.put(path, "(unset)");
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.put(path, "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", list.get(i), skip, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.put(path, "{}");
      }
      map.forEach((k, v) -> walk(path + "[" + k + "]", v, skip, out));
    } else if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (skip.contains(c.getName())) {
          continue;
        }
        try {
          walk(path.isEmpty() ? c.getName() : path + "." + c.getName(), c.getAccessor().invoke(r), skip, out);
        } catch (ReflectiveOperationException e) {
          out.put(path + "." + c.getName(), "?");
        }
      }
    } else {
      out.put(path, String.valueOf(value));
    }
  }

  private static String digest(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
