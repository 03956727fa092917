package dev.tta.alertrouter.intake;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives equal label values one String instance. Every alert of a storm repeats the same few values
 * (alertname, service, team, severity, job); holding one copy of each instead of one per alert was
 * about a fifth of an active alert's heap (bench/README.md). Prometheus interns label strings for
 * the same reason. Bounded: when full it starts over, so values no longer sent are let go. Thread-safe.
 */
final class LabelValues {
  private static final int CAPACITY = 65_536;

  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

  /** The instance held for {@code value}'s text, which is {@code value} itself the first time. */
  String canonical(String value) {
    String held = values.get(value);
    if (held != null) {
      return held;
    }
    if (values.size() >= CAPACITY) {
      values.clear();
    }
    held = values.putIfAbsent(value, value);
    return held != null ? held : value;
  }
}
