package dev.tta.alertrouter.alert;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert as alert-router holds it. {@code endsAt} is null when the end is unknown (Alertmanager's
 * zero time {@code 0001-01-01T00:00:00Z}): such an alert fires until a resolved copy arrives.
 *
 * @param labels identifying labels; never empty
 * @param annotations informational key/values (summary, description, runbook_url, ...)
 * @param startsAt when the alert started firing
 * @param endsAt when it ends or ended; null when unknown
 * @param generatorUrl link back to the source expression; may be empty
 * @param updatedAt when alert-router last received this alert
 * @param fingerprint the alert's identity: its labels' fingerprint as received, kept when the
 *     router adds derived labels such as {@code priority}
 * @param endsAtByTimeout true when the sender gave no end and {@code endsAt} is receipt time plus
 *     {@code resolve_timeout} (Alertmanager's {@code Alert.Timeout}): a merge lets an explicit end
 *     win over such a guessed one
 */
public record Alert(
    Labels labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl,
    Instant updatedAt,
    boolean endsAtByTimeout,
    Fingerprint fingerprint) {

  public Alert {
    Objects.requireNonNull(labels, "labels");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an alert needs at least one label");
    }
    Objects.requireNonNull(annotations, "annotations");
    annotations = annotations instanceof FrozenAnnotations ? annotations : new FrozenAnnotations(annotations);
    Objects.requireNonNull(startsAt, "startsAt");
    generatorUrl = generatorUrl == null ? "" : generatorUrl;
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (endsAtByTimeout && endsAt == null) {
      throw new IllegalArgumentException("an end set by resolve_timeout cannot be unknown");
    }
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * The first {@code count} pairs of {@code names} and {@code values} as an alert holds its
   * annotations: for a parser that collects them in arrays, which it hands over (they are sorted in
   * place and kept when they hold exactly {@code count} pairs; the caller must not use them after).
   * No map is built on the way (a tree per alert was a measured cost of parsing, bench/README.md).
   * Null or repeated names, or null values, are rejected.
   */
  public static Map<String, String> annotationsOf(String[] names, String[] values, int count) {
    return new FrozenAnnotations(Pairs.owned(names, values, count, "annotation"));
  }

  /** An alert whose identity is its labels' fingerprint, as received. */
  public Alert(
      Labels labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      String generatorUrl,
      Instant updatedAt,
      boolean endsAtByTimeout) {
    this(labels, annotations, startsAt, endsAt, generatorUrl, updatedAt, endsAtByTimeout, labels.fingerprint());
  }

  /** An alert whose end, if any, was sent by its source. */
  public Alert(
      Labels labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      String generatorUrl,
      Instant updatedAt) {
    this(labels, annotations, startsAt, endsAt, generatorUrl, updatedAt, false);
  }

  public String name() {
    return labels.getOrEmpty("alertname");
  }

  /** As Alertmanager's {@code Alert.ResolvedAt}: resolved once a known end is not after {@code at}. */
  public boolean isResolvedAt(Instant at) {
    return endsAt != null && !endsAt.isAfter(at);
  }

  public Status statusAt(Instant at) {
    return isResolvedAt(at) ? Status.RESOLVED : Status.FIRING;
  }

  /** Another alert: the new labels are its identity. */
  public Alert withLabels(Labels newLabels) {
    return new Alert(newLabels, annotations, startsAt, endsAt, generatorUrl, updatedAt, endsAtByTimeout);
  }

  /**
   * The same alert with labels the router derived (the {@code priority} label) added for routing.
   * It keeps the fingerprint it arrived with, so the alert list, the groups, explain and outgoing
   * webhooks all name it as Alertmanager does.
   */
  public Alert withDerivedLabels(Labels newLabels) {
    return new Alert(newLabels, annotations, startsAt, endsAt, generatorUrl, updatedAt, endsAtByTimeout, fingerprint);
  }

  public Alert withAnnotations(Map<String, String> newAnnotations) {
    return new Alert(labels, newAnnotations, startsAt, endsAt, generatorUrl, updatedAt, endsAtByTimeout, fingerprint);
  }

  /** A copy with new times; the end counts as sent by the source. */
  public Alert withTimes(Instant newStartsAt, Instant newEndsAt, Instant newUpdatedAt) {
    return new Alert(labels, annotations, newStartsAt, newEndsAt, generatorUrl, newUpdatedAt, false, fingerprint);
  }

  /**
   * Annotations as an alert holds them: sorted by name, never changed, in two arrays rather than a
   * tree (a third of an active alert's heap went to the tree), and shared by the copies made along
   * the pipeline ({@link #withTimes}, {@link #withDerivedLabels}, a merge) instead of copied again;
   * both were measured costs in an alert storm (bench/README.md).
   */
  private static final class FrozenAnnotations extends AbstractMap<String, String> {
    private final String[] names;
    private final String[] values;

    FrozenAnnotations(Pairs sorted) {
      names = sorted.names();
      values = sorted.values();
    }

    FrozenAnnotations(Map<String, String> source) {
      // A map already in name order (a parser's TreeMap) is read as it is: the copy and the
      // reflective toArray were a measured cost of parsing (bench/README.md).
      SortedMap<String, String> sorted = source instanceof SortedMap<String, String> inOrder
          && inOrder.comparator() == null ? inOrder : new TreeMap<>(source);
      names = new String[sorted.size()];
      values = new String[sorted.size()];
      int i = 0;
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        names[i] = e.getKey();
        values[i] = e.getValue();
        i++;
      }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Map.Entry<String, String> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(names[next], values[next]);
              next++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }

    @Override
    public String get(Object key) {
      int i = key instanceof String name ? Arrays.binarySearch(names, name) : -1;
      return i >= 0 ? values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && Arrays.binarySearch(names, name) >= 0;
    }

    @Override
    public int size() {
      return names.length;
    }

    /** Compared on every resend of an alert (the store keeps the held copy's when equal). */
    @Override
    public boolean equals(Object o) {
      if (o instanceof FrozenAnnotations other) {
        return Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
      }
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  /** An alert's state, as Alertmanager names it in payloads. */
  public enum Status {
    FIRING("firing"),
    RESOLVED("resolved");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
