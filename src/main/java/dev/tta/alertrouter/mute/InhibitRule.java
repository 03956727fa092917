package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.InhibitRuleConfig;
import dev.tta.alertrouter.config.SourceLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One inhibit rule and its index of source alerts (Alertmanager's {@code InhibitRule} with its
 * {@code scache}). Sources are bucketed by the values of the rule's {@code equal} labels, so a
 * lookup touches only the sources that could inhibit the target, never every source; within a
 * bucket they are split by whether they also match the target matchers, which is all the
 * self-inhibition rule needs to know.
 */
final class InhibitRule {
  private final int index;
  private final List<Matcher> sourceMatchers;
  private final List<Matcher> targetMatchers;
  private final List<String> equal;
  private final SourceLocation location;
  private final Map<List<String>, Bucket> buckets = new HashMap<>();

  InhibitRule(int index, InhibitRuleConfig config) {
    this.index = index;
    this.sourceMatchers = config.sourceMatchers();
    this.targetMatchers = config.targetMatchers();
    this.equal = List.copyOf(new TreeSet<>(config.equal()));
    this.location = config.location();
  }

  boolean matchesTarget(Labels labels) {
    return Matchers.allMatch(targetMatchers, labels);
  }

  /** Takes the newest copy of an alert: indexes it while firing, forgets it once resolved. */
  synchronized void update(Alert alert, Instant now) {
    if (!Matchers.allMatch(sourceMatchers, alert.labels())) {
      return;
    }
    List<String> key = equalValues(alert.labels());
    if (alert.isResolvedAt(now)) {
      Bucket bucket = buckets.get(key);
      if (bucket != null) {
        bucket.remove(alert.fingerprint());
        if (bucket.isEmpty()) {
          buckets.remove(key);
        }
      }
      return;
    }
    buckets.computeIfAbsent(key, k -> new Bucket())
        .put(alert, matchesTarget(alert.labels()));
  }

  /**
   * As Alertmanager's {@code InhibitRule.hasEqual}: a source firing at {@code now} whose equal labels
   * have the target's values (a label missing on both sides is equal), skipping sources that also
   * match the target matchers when the target itself matches the source matchers, so that alerts
   * matching both sides never inhibit each other (nor themselves).
   */
  synchronized Optional<InhibitionReason> inhibits(Labels target, Instant now) {
    List<String> key = equalValues(target);
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Optional.empty();
    }
    boolean excludeTwoSided = Matchers.allMatch(sourceMatchers, target);
    Alert source = bucket.firstFiring(now, excludeTwoSided);
    if (bucket.isEmpty()) {
      buckets.remove(key);
    }
    return Optional.ofNullable(source).map(s -> new InhibitionReason(index, location, s));
  }

  /** Forgets every source resolved at {@code now}; returns how many. */
  synchronized int collectGarbage(Instant now) {
    int removed = 0;
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      removed += bucket.removeResolved(now);
      if (bucket.isEmpty()) {
        it.remove();
      }
    }
    return removed;
  }

  synchronized int sourceCount() {
    return buckets.values().stream().mapToInt(Bucket::size).sum();
  }

  private List<String> equalValues(Labels labels) {
    List<String> values = new ArrayList<>(equal.size());
    for (String name : equal) {
      values.add(labels.getOrEmpty(name));
    }
    return values;
  }

  /** The sources sharing one set of equal-label values. */
  private static final class Bucket {
    private final Map<Fingerprint, Alert> sourceOnly = new LinkedHashMap<>();
    private final Map<Fingerprint, Alert> alsoTarget = new LinkedHashMap<>();

    void put(Alert alert, boolean matchesTarget) {
      (matchesTarget ? alsoTarget : sourceOnly).put(alert.fingerprint(), alert);
    }

    void remove(Fingerprint fingerprint) {
      sourceOnly.remove(fingerprint);
      alsoTarget.remove(fingerprint);
    }

    /** The first source firing at {@code now}, dropping resolved ones met on the way. */
    Alert firstFiring(Instant now, boolean excludeTwoSided) {
      Alert found = firstFiring(sourceOnly, now);
      if (found == null && !excludeTwoSided) {
        found = firstFiring(alsoTarget, now);
      }
      return found;
    }

    private static Alert firstFiring(Map<Fingerprint, Alert> sources, Instant now) {
      for (Iterator<Alert> it = sources.values().iterator(); it.hasNext(); ) {
        Alert a = it.next();
        if (!a.isResolvedAt(now)) {
          return a;
        }
        it.remove();
      }
      return null;
    }

    int removeResolved(Instant now) {
      int before = size();
      sourceOnly.values().removeIf(a -> a.isResolvedAt(now));
      alsoTarget.values().removeIf(a -> a.isResolvedAt(now));
      return before - size();
    }

    boolean isEmpty() {
      return sourceOnly.isEmpty() && alsoTarget.isEmpty();
    }

    int size() {
      return sourceOnly.size() + alsoTarget.size();
    }
  }
}
