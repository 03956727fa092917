package dev.tta.alertrouter.store;

import dev.tta.alertrouter.alert.Alert;
import java.time.Instant;

/**
 * How the merge of an incoming copy differs from the alert held, which decides whether it must be
 * written before the caller hears back. Prometheus resends every firing alert at every evaluation,
 * the same but for a later {@code endsAt}: in an alert storm nearly every copy is an {@link
 * #EXTENSION}. A persistent store decides by it what to write before answering; every store reports
 * it ({@link Upserted}) so that what follows intake can tell news from repeats.
 */
public enum ResendKind {
  /** Equal to the alert held: nothing to write. */
  UNCHANGED,
  /**
   * The same alert, firing before and after, with only {@code updatedAt} and a later (or the same)
   * {@code endsAt} (null, "never ends", being the latest of all).
   */
  EXTENSION,
  /** A new alert, or a change in anything else: labels, annotations, start, URL, a resolve, an earlier end. */
  CHANGE;

  /** What {@code merged} is, held {@code held} (null: nothing held), judged at {@code now}. */
  public static ResendKind of(Alert held, Alert merged, Instant now) {
    if (held == null || !samePayload(held, merged)) {
      return CHANGE;
    }
    if (sameInstant(held.endsAt(), merged.endsAt()) && held.updatedAt().equals(merged.updatedAt())) {
      return UNCHANGED;
    }
    return !held.isResolvedAt(now) && !merged.isResolvedAt(now) && notEarlier(merged.endsAt(), held.endsAt())
        ? EXTENSION
        : CHANGE;
  }

  /**
   * Whether two copies agree on everything but {@code endsAt} and {@code updatedAt}. Callers use it
   * as a cheap first guess, before any merge, that a copy will not be written now.
   */
  public static boolean samePayload(Alert a, Alert b) {
    return a.endsAtByTimeout() == b.endsAtByTimeout()
        && a.fingerprint().equals(b.fingerprint())
        && a.startsAt().equals(b.startsAt())
        && (a.labels() == b.labels() || a.labels().equals(b.labels()))
        && (a.annotations() == b.annotations() || a.annotations().equals(b.annotations()))
        && a.generatorUrl().equals(b.generatorUrl());
  }

  private static boolean sameInstant(Instant a, Instant b) {
    return a == null ? b == null : a.equals(b);
  }

  /** {@code later} is not before {@code earlier}, null meaning "never ends". */
  private static boolean notEarlier(Instant later, Instant earlier) {
    return later == null || (earlier != null && !later.isBefore(earlier));
  }
}
