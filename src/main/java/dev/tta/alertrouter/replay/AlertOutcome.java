package dev.tta.alertrouter.replay;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one replay decided about one alert over the whole timeline.
 *
 * @param fingerprint the fingerprint it arrived with
 * @param labels its labels as routed (with {@code priority})
 * @param priority P0, P1 or P2
 * @param receivers every receiver a route gave it
 * @param groups every aggregation group it joined
 * @param muted how it was muted at some flush: {@code inhibited}, {@code silenced}, {@code time_muted}
 */
public record AlertOutcome(String fingerprint, String labels, String priority, SortedSet<String> receivers,
    SortedSet<String> groups, SortedSet<String> muted) {
  public AlertOutcome {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(priority, "priority");
    receivers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(receivers));
    groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    muted = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(muted));
  }
}
