package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored silence. The constructor keeps the invariants Alertmanager's silence store keeps (at
 * least one matcher, not every matcher matching the empty string, end not before start); the stricter
 * rules of its API (end in the future, author and comment given) are checked by {@link Silences}
 * when a silence is posted, because expiring a silence legitimately produces one that ends now.
 *
 * @param id a UUID string
 * @param matchers all of which an alert's labels must match to be silenced
 * @param startsAt when the silence begins to mute
 * @param endsAt when it stops muting (exclusive)
 * @param createdBy who created it
 * @param comment why
 * @param updatedAt when it was last written
 * @param recurrence names of {@code time_intervals}: when given, the silence mutes only while now
 *     falls in one of them (a recurring maintenance window); empty mutes for its whole span
 * @param owner the receiver told about the silence (window opening, expiry), if any
 * @param reminded the reminders already sent to the owner ({@link Reminder#key()}s); kept with the
 *     silence so a restart or a replica does not send them again, and reset when the silence is
 *     rewritten
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant updatedAt,
    List<String> recurrence,
    Optional<String> owner,
    Set<String> reminded) {

  public Silence {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a silence needs an id");
    }
    matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    if (allMatchEmpty(matchers)) {
      throw new IllegalArgumentException("at least one matcher must not match the empty string");
    }
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException("endsAt must not be before startsAt");
    }
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(updatedAt, "updatedAt");
    recurrence = List.copyOf(Objects.requireNonNull(recurrence, "recurrence"));
    Objects.requireNonNull(owner, "owner");
    reminded = Set.copyOf(Objects.requireNonNull(reminded, "reminded"));
  }

  public Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
      String comment, Instant updatedAt, List<String> recurrence, Optional<String> owner) {
    this(id, matchers, startsAt, endsAt, createdBy, comment, updatedAt, recurrence, owner, Set.of());
  }

  /** A one-off silence without an owner, as Alertmanager knows them. */
  public Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
      String comment, Instant updatedAt) {
    this(id, matchers, startsAt, endsAt, createdBy, comment, updatedAt, List.of(), Optional.empty());
  }

  /**
   * Alertmanager refuses such silences: a silence whose matchers all match "" would also silence
   * every alert lacking those labels, which is almost never what its author meant.
   */
  static boolean allMatchEmpty(List<Matcher> matchers) {
    for (Matcher m : matchers) {
      if (!m.matches("")) {
        return false;
      }
    }
    return true;
  }

  /** As Alertmanager: pending before start, active until the (exclusive) end, expired after. */
  public SilenceState stateAt(Instant now) {
    if (now.isBefore(startsAt)) {
      return SilenceState.PENDING;
    }
    if (now.isBefore(endsAt)) {
      return SilenceState.ACTIVE;
    }
    return SilenceState.EXPIRED;
  }

  /** True when every matcher matches {@code labels} (a missing label is the empty string). */
  public boolean matches(Labels labels) {
    return Matchers.allMatch(matchers, labels);
  }

  /**
   * True when the silence is active at {@code now}, inside its recurrence (if it has one) and
   * matches {@code labels}. A recurrence naming an interval the configuration no longer defines
   * holds no instant: an alert then notifies rather than being muted by a window nobody can see.
   */
  public boolean mutes(Labels labels, Instant now, TimeIntervals intervals) {
    return stateAt(now) == SilenceState.ACTIVE && insideRecurrence(now, intervals) && matches(labels);
  }

  /** True for a silence without recurrence, else when {@code now} falls in one of its intervals. */
  public boolean insideRecurrence(Instant now, TimeIntervals intervals) {
    if (recurrence.isEmpty()) {
      return true;
    }
    for (String name : recurrence) {
      if (intervals.names().contains(name) && intervals.contains(name, now)) {
        return true;
      }
    }
    return false;
  }

  public boolean recurring() {
    return !recurrence.isEmpty();
  }

  /** This silence, with {@code reminded} as the reminders sent; its updatedAt stays the author's. */
  public Silence withReminded(Set<String> newReminded) {
    return new Silence(id, matchers, startsAt, endsAt, createdBy, comment, updatedAt, recurrence, owner, newReminded);
  }

  Silence withTimes(Instant newStartsAt, Instant newEndsAt, Instant newUpdatedAt) {
    return new Silence(id, matchers, newStartsAt, newEndsAt, createdBy, comment, newUpdatedAt, recurrence, owner,
        reminded);
  }
}
