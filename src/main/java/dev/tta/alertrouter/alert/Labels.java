package dev.tta.alertrouter.alert;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable set of label name/value pairs, sorted by name. Sorted parallel arrays rather than a
 * map keep an active alert small (issue 8 targets 1 KiB of heap per alert) and make iteration order
 * the one Alertmanager hashes in.
 */
public final class Labels {
  private static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  /** The fingerprint's value, not a {@link Fingerprint}: one object less per label set held (issue 8's heap target). */
  private final long fingerprint;
  /**
   * What one consumer derived from these labels, kept for the next copy that shares them: the store
   * hands every resend of an alert the held alert's labels object, so a storm's resends skip work
   * that depends on the labels alone (bench/README.md, "Intake"). Written and read without a lock:
   * a reader may see any value ever written, so a value must tell by itself whether it applies, and
   * has only final fields.
   */
  private Object memo;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    this.fingerprint = Fingerprint.of(names, values).value();
  }

  /** What a consumer last kept with {@link #remember}, or null; not part of the labels' value. */
  public Object remembered() {
    return memo;
  }

  /** Keeps {@code value} with these labels, over whatever was kept before; see {@link #remembered}. */
  public void remember(Object value) {
    memo = value;
  }

  public static Labels empty() {
    return EMPTY;
  }

  /** Copies {@code labels}; null names or values are rejected. */
  public static Labels of(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    String[] names = new String[labels.size()];
    String[] values = new String[labels.size()];
    int i = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      names[i] = Objects.requireNonNull(e.getKey(), "label name");
      values[i] = Objects.requireNonNull(e.getValue(), () -> "value of label " + e.getKey());
      i++;
    }
    if (!(labels instanceof SortedMap<?, ?> sorted && sorted.comparator() == null)) {
      Pairs.sortByName(names, values);
    }
    return new Labels(names, values);
  }

  /**
   * The first {@code count} pairs of {@code names} and {@code values}, copied: for a parser that
   * collects labels in arrays rather than a map. Null or repeated names, or null values, are rejected.
   */
  public static Labels of(String[] names, String[] values, int count) {
    return ofOwned(Arrays.copyOf(names, count), Arrays.copyOf(values, count), count);
  }

  /**
   * {@link #of(String[], String[], int)} without the copy: the arrays are handed over, sorted in
   * place and kept when they hold exactly {@code count} pairs; the caller must not use them after.
   */
  public static Labels ofOwned(String[] names, String[] values, int count) {
    Pairs sorted = Pairs.owned(names, values, count, "label");
    return new Labels(sorted.names(), sorted.values());
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

  /** Whether {@code name} matches {@code [a-zA-Z_][a-zA-Z0-9_]*}; checked for every label received. */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code name}, or null when the label is absent. */
  public String get(String name) {
    // Label names arrive interned (JSON field names, matcher names), so identity finds them in a
    // few comparisons; this runs many times per alert (bench/README.md).
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return values[i];
      }
    }
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
    Objects.requireNonNull(name, "label name");
    Objects.requireNonNull(value, () -> "value of label " + name);
    int i = Arrays.binarySearch(names, name);
    if (i >= 0) {
      String[] newValues = values.clone();
      newValues[i] = value;
      return new Labels(names, newValues);
    }
    int at = -i - 1;
    String[] newNames = new String[names.length + 1];
    String[] newValues = new String[names.length + 1];
    System.arraycopy(names, 0, newNames, 0, at);
    System.arraycopy(values, 0, newValues, 0, at);
    newNames[at] = name;
    newValues[at] = value;
    System.arraycopy(names, at, newNames, at + 1, names.length - at);
    System.arraycopy(values, at, newValues, at + 1, names.length - at);
    return new Labels(newNames, newValues);
  }

  /** A copy holding only the given names (those present). */
  public Labels select(Iterable<String> keep) {
    // Runs for every alert and route (the group key): arrays, not a map.
    String[] keptNames = new String[names.length];
    String[] keptValues = new String[names.length];
    int count = 0;
    for (String name : keep) {
      int i = Arrays.binarySearch(names, name);
      if (i >= 0 && !containsAmongFirst(keptNames, count, name)) {
        keptNames[count] = names[i];
        keptValues[count] = values[i];
        count++;
      }
    }
    keptNames = Arrays.copyOf(keptNames, count);
    keptValues = Arrays.copyOf(keptValues, count);
    Pairs.sortByName(keptNames, keptValues);
    return new Labels(keptNames, keptValues);
  }

  private static boolean containsAmongFirst(String[] names, int count, String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    return false;
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
    return new Fingerprint(fingerprint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other
        && fingerprint == other.fingerprint
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
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
