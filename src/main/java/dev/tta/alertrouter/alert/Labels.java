package dev.tta.alertrouter.alert;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * An immutable set of label name/value pairs, sorted by name. Sorted parallel arrays rather than a
 * map keep an active alert small (issue 8 targets 1 KiB of heap per alert) and make iteration order
 * the one Alertmanager hashes in.
 */
public final class Labels {
  /** Prometheus' label name rule: names outside it are rejected by Prometheus and by us. */
  private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  private final Fingerprint fingerprint;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    this.fingerprint = Fingerprint.of(names, values);
  }

  public static Labels empty() {
    return EMPTY;
  }

  /** Copies {@code labels}; null names or values are rejected. */
  public static Labels of(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    SortedMap<String, String> sorted = new TreeMap<>(labels);
    String[] names = new String[sorted.size()];
    String[] values = new String[sorted.size()];
    int i = 0;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      names[i] = Objects.requireNonNull(e.getKey(), "label name");
      values[i] = Objects.requireNonNull(e.getValue(), () -> "value of label " + e.getKey());
      i++;
    }
    return new Labels(names, values);
  }

  /** Convenience for tests and commands: {@code of("alertname", "X", "team", "platform")}. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs");
    }
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(map);
  }

  public static boolean isValidName(String name) {
    return name != null && VALID_NAME.matcher(name).matches();
  }

  /** The value of {@code name}, or null when the label is absent. */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : null;
  }

  /** The value of {@code name}, or "" when absent: how Alertmanager's matchers see a missing label. */
  public String getOrEmpty(String name) {
    String v = get(name);
    return v == null ? "" : v;
  }

  public boolean contains(String name) {
    return Arrays.binarySearch(names, name) >= 0;
  }

  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** Visits every pair in name order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /** A copy with {@code name} set to {@code value}. */
  public Labels with(String name, String value) {
    Map<String, String> map = asMap();
    map.put(name, value);
    return of(map);
  }

  /** A copy holding only the given names (those present). */
  public Labels select(Iterable<String> keep) {
    Map<String, String> map = new TreeMap<>();
    for (String name : keep) {
      String v = get(name);
      if (v != null) {
        map.put(name, v);
      }
    }
    return of(map);
  }

  /** A mutable, sorted copy. */
  public SortedMap<String, String> asMap() {
    SortedMap<String, String> map = new TreeMap<>();
    forEach(map::put);
    return map;
  }

  public Map<String, String> asUnmodifiableMap() {
    return Collections.unmodifiableSortedMap(asMap());
  }

  public Fingerprint fingerprint() {
    return fingerprint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint.value());
  }

  /** Prometheus' notation: {@code {alertname="X", team="platform"}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append("=\"").append(Matcher.escape(values[i])).append('"');
    }
    return sb.append('}').toString();
  }
}
