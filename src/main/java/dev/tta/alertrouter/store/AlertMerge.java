package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;
import java.time.Instant;

/**
 * How an incoming copy of an alert combines with the one held: Alertmanager's
 * {@code provider/mem.Alerts.Put} and {@code types.Alert.Merge}, plus alert-router's stale rule.
 *
 * <p>A null {@code endsAt} (end unknown, from a webhook) is read as "never ends" wherever
 * Alertmanager compares end times.
 *
 * <p>Public so that every {@link AlertStore} implementation, in memory or in a database, merges by
 * the same rules.
 */
public final class AlertMerge {
  private AlertMerge() {}

  /** The result of combining one incoming copy with what is held. */
  public record Outcome(Alert stored, boolean stale) {}

  /** What to store when {@code incoming} arrives while {@code held} (null: nothing) is held. */
  public static Outcome combine(Alert held, Alert incoming, Instant now) {
    if (held == null) {
      return new Outcome(incoming, false);
    }
    if (isStale(held, incoming, now)) {
      return new Outcome(held, true);
    }
    if (overlaps(held, incoming)) {
      return new Outcome(sharingUnchangedParts(held, merge(held, incoming, now)), false);
    }
    return new Outcome(sharingUnchangedParts(held, incoming), false);
  }

  /**
   * {@code alert}, holding the held copy's labels, annotations, start and generator URL where they are
   * equal. Senders resend the same alerts over and over; keeping the held parts lets each resent
   * copy's parts die young instead of being promoted, which kept the garbage collector's pauses, and
   * so request latency, long in an alert storm (bench/README.md).
   */
  static Alert sharingUnchangedParts(Alert held, Alert alert) {
    boolean labels = held.labels() != alert.labels() && held.labels().equals(alert.labels());
    boolean annotations = held.annotations() != alert.annotations() && held.annotations().equals(alert.annotations());
    boolean url = held.generatorUrl() != alert.generatorUrl() && held.generatorUrl().equals(alert.generatorUrl());
    boolean start = held.startsAt() != alert.startsAt() && held.startsAt().equals(alert.startsAt());
    if (!labels && !annotations && !url && !start) {
      return alert;
    }
    return new Alert(labels ? held.labels() : alert.labels(), annotations ? held.annotations() : alert.annotations(),
        start ? held.startsAt() : alert.startsAt(), alert.endsAt(), url ? held.generatorUrl() : alert.generatorUrl(),
        alert.updatedAt(), alert.endsAtByTimeout(), alert.fingerprint());
  }

  /**
   * A firing copy that started before the held alert's explicit end is stale (a slower HA replica, a
   * retried send): the alert stays resolved. Alertmanager would re-fire on it; we do not. An end
   * that only came from {@code resolve_timeout} was a guess, so a copy still firing overrides it.
   */
  static boolean isStale(Alert held, Alert incoming, Instant now) {
    return held.isResolvedAt(now)
        && !held.endsAtByTimeout()
        && !incoming.isResolvedAt(now)
        && incoming.startsAt().isBefore(held.endsAt());
  }

  /** Put's test: merge only when the incoming copy's activity overlaps the held one's. */
  static boolean overlaps(Alert old, Alert incoming) {
    return (after(incoming.endsAt(), old.startsAt()) && before(incoming.endsAt(), old.endsAt()))
        || (incoming.startsAt().isAfter(old.startsAt()) && before(incoming.startsAt(), old.endsAt()));
  }

  /** {@code types.Alert.Merge}: the newer copy wins, keeping the earliest start and the right end. */
  static Alert merge(Alert a, Alert o, Instant now) {
    if (o.updatedAt().isBefore(a.updatedAt())) {
      return merge(o, a, now);
    }
    // On a tie the held instant is kept: a resent copy's own then dies young.
    Instant startsAt = o.startsAt().isBefore(a.startsAt()) ? o.startsAt() : a.startsAt();
    Instant endsAt = o.endsAt();
    boolean byTimeout = o.endsAtByTimeout();
    if (o.isResolvedAt(now)) {
      // The latest explicit resolved timestamp wins if both are resolved.
      if (a.isResolvedAt(now) && after(a.endsAt(), o.endsAt())) {
        endsAt = a.endsAt();
        byTimeout = a.endsAtByTimeout();
      }
    } else if (after(a.endsAt(), o.endsAt()) && !a.endsAtByTimeout()) {
      // An end that did not come from a timeout rules when it is the latest.
      endsAt = a.endsAt();
      byTimeout = false;
    }
    return new Alert(o.labels(), o.annotations(), startsAt, endsAt, o.generatorUrl(), o.updatedAt(), byTimeout, o.fingerprint());
  }

  /** {@code t.After(u)} with null meaning "never ends". */
  private static boolean after(Instant t, Instant u) {
    if (t == null) {
      return u != null;
    }
    return u != null && t.isAfter(u);
  }

  /** {@code t.Before(u)} with null meaning "never ends". */
  private static boolean before(Instant t, Instant u) {
    return after(u, t);
  }
}
