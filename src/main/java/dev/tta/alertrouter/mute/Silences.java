package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates, updates, expires, lists and prunes silences, with Alertmanager's rules (its API's
 * validation and {@code silence.Silences.Set}/{@code Expire}), and answers which silences mute a
 * label set. Writes are serialised here so that an update's read-compare-write cannot interleave.
 */
public final class Silences {
  private final SilenceStore store;
  private final Clock clock;
  private final Duration retention;
  private final Supplier<String> newId;

  /**
   * @param retention how long an expired silence is kept (for listing and re-use) before {@link
   *     #prune()} removes it; Alertmanager's {@code --data.retention} defaults to 120h
   */
  public Silences(SilenceStore store, Clock clock, Duration retention) {
    this(store, clock, retention, () -> UUID.randomUUID().toString());
  }

  Silences(SilenceStore store, Clock clock, Duration retention, Supplier<String> newId) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
    this.newId = Objects.requireNonNull(newId, "newId");
  }

  /**
   * Creates a silence, or updates the one named by {@code draft.id()}. As Alertmanager, an update
   * that changes the matchers, moves an active silence's start, ends it in the past, moves a pending
   * one's start into the past, or touches an expired one, instead expires the old silence (if it is
   * not yet expired) and creates a new one with a new id. A start in the past becomes now.
   *
   * @return the id of the silence written
   * @throws SilenceValidationException naming every problem of the draft
   * @throws SilenceNotFoundException when {@code draft.id()} names no silence
   */
  public synchronized String set(SilenceDraft draft) {
    Objects.requireNonNull(draft, "draft");
    Instant now = clock.instant();
    List<String> problems = validate(draft, now);
    if (!problems.isEmpty()) {
      throw new SilenceValidationException(problems);
    }
    if (draft.id() != null) {
      Silence previous = store.get(draft.id()).orElseThrow(() -> new SilenceNotFoundException(draft.id()));
      if (canUpdateInPlace(previous, draft, now)) {
        store.put(build(previous.id(), draft, draft.startsAt(), now));
        return previous.id();
      }
      if (previous.stateAt(now) != SilenceState.EXPIRED) {
        store.put(expired(previous, now));
      }
    }
    String id = newId.get();
    Instant start = draft.startsAt().isBefore(now) ? now : draft.startsAt();
    store.put(build(id, draft, start, now));
    return id;
  }

  /**
   * Ends a silence now (a pending one never starts).
   *
   * @return the expired silence
   * @throws SilenceNotFoundException when no silence has this id
   * @throws SilenceValidationException when it has already expired
   */
  public synchronized Silence expire(String id) {
    Silence silence = store.get(id).orElseThrow(() -> new SilenceNotFoundException(id));
    Instant now = clock.instant();
    if (silence.stateAt(now) == SilenceState.EXPIRED) {
      throw new SilenceValidationException(List.of("silence " + id + " has already expired"));
    }
    Silence ended = expired(silence, now);
    store.put(ended);
    return ended;
  }

  /**
   * Makes the stored silences under {@code idPrefix} those {@code declared} (a configuration's
   * maintenance windows): writes each one that is new or changed, keeping the start of an unchanged
   * active one, and expires those under the prefix no longer declared.
   *
   * @return the ids written or expired
   */
  public synchronized List<String> declare(String idPrefix, List<Silence> declared) {
    Instant now = clock.instant();
    List<String> touched = new ArrayList<>();
    HashSet<String> ids = new HashSet<>();
    for (Silence wanted : declared) {
      if (!wanted.id().startsWith(idPrefix)) {
        throw new IllegalArgumentException("declared silence " + wanted.id() + " is not under " + idPrefix);
      }
      ids.add(wanted.id());
      Optional<Silence> stored = store.get(wanted.id());
      if (stored.isPresent() && stored.get().stateAt(now) != SilenceState.EXPIRED && sameDeclaration(stored.get(), wanted)) {
        continue;
      }
      store.put(wanted);
      touched.add(wanted.id());
    }
    for (Silence s : store.all()) {
      if (s.id().startsWith(idPrefix) && !ids.contains(s.id()) && s.stateAt(now) != SilenceState.EXPIRED) {
        store.put(expired(s, now));
        touched.add(s.id());
      }
    }
    return touched;
  }

  private static boolean sameDeclaration(Silence a, Silence b) {
    return new HashSet<>(a.matchers()).equals(new HashSet<>(b.matchers())) && a.endsAt().equals(b.endsAt())
        && a.recurrence().equals(b.recurrence()) && a.owner().equals(b.owner()) && a.comment().equals(b.comment());
  }

  /**
   * Keeps that {@code reminded} reminders were sent for {@code seen}, unless the silence was
   * rewritten (or removed) since it was read: a reminder never overwrites an edit.
   *
   * @return whether it was kept
   */
  public synchronized boolean markReminded(Silence seen, Set<String> reminded) {
    Optional<Silence> stored = store.get(seen.id());
    if (stored.isEmpty() || !stored.get().equals(seen)) {
      return false;
    }
    store.put(seen.withReminded(reminded));
    return true;
  }

  public Optional<Silence> get(String id) {
    return store.get(id);
  }

  /** Every silence: active (ending soonest first), then pending (starting soonest first), then expired (most recent first). */
  public List<Silence> list() {
    return sorted(store.all(), clock.instant());
  }

  /** The silences in {@code state} now, in the order of {@link #list()}. */
  public List<Silence> list(SilenceState state) {
    Instant now = clock.instant();
    return sorted(store.all().stream().filter(s -> s.stateAt(now) == state).toList(), now);
  }

  /**
   * The silences, in the order of {@link #list()}, that have for each of {@code wanted} a matcher
   * equal to it (same name, operator and value), as Alertmanager's API filters silences: a filter
   * names matchers of the silence, it is not matched against labels.
   */
  public List<Silence> listHaving(List<Matcher> wanted) {
    List<Silence> found = new ArrayList<>();
    for (Silence s : list()) {
      if (s.matchers().containsAll(wanted)) {
        found.add(s);
      }
    }
    return found;
  }

  /**
   * The ids (sorted) of the silences active at {@code now} whose matchers all match {@code labels}
   * and, for a recurring silence, whose recurrence ({@code intervals}, the current configuration's)
   * holds {@code now}.
   */
  public List<String> mutes(Labels labels, Instant now, TimeIntervals intervals) {
    List<String> ids = new ArrayList<>();
    for (Silence s : store.all()) {
      if (s.mutes(labels, now, intervals)) {
        ids.add(s.id());
      }
    }
    ids.sort(null);
    return ids;
  }

  /**
   * Removes the silences that expired longer than the retention ago. The composition root calls it
   * on a schedule.
   *
   * @return how many were removed
   */
  public synchronized int prune() {
    Instant cutoff = clock.instant().minus(retention);
    List<String> old = store.all().stream()
        .filter(s -> s.endsAt().isBefore(cutoff))
        .map(Silence::id)
        .toList();
    store.removeAll(old);
    return old.size();
  }

  /** Every problem of a draft, as Alertmanager's API and silence store check them. */
  static List<String> validate(SilenceDraft draft, Instant now) {
    List<String> problems = new ArrayList<>();
    if (draft.matchers() == null || draft.matchers().isEmpty()) {
      problems.add("matchers: at least one matcher is required");
    } else {
      for (Matcher m : draft.matchers()) {
        if (!Labels.isValidName(m.name())) {
          problems.add("matchers: \"" + m.name() + "\" is not a valid label name");
        }
      }
      if (Silence.allMatchEmpty(draft.matchers())) {
        problems.add("matchers: at least one matcher must not match the empty string");
      }
    }
    if (draft.startsAt() == null) {
      problems.add("startsAt is required");
    }
    if (draft.endsAt() == null) {
      problems.add("endsAt is required");
    } else {
      if (draft.startsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
        problems.add("endsAt must be after startsAt");
      }
      if (!draft.endsAt().isAfter(now)) {
        problems.add("endsAt must be in the future");
      }
    }
    if (draft.createdBy() == null || draft.createdBy().isBlank()) {
      problems.add("createdBy is required");
    }
    if (draft.comment() == null || draft.comment().isBlank()) {
      problems.add("comment is required");
    }
    return problems;
  }

  /** Alertmanager's {@code canUpdate}: which changes keep a silence's identity. */
  private static boolean canUpdateInPlace(Silence previous, SilenceDraft draft, Instant now) {
    if (!new HashSet<>(previous.matchers()).equals(new HashSet<>(draft.matchers()))) {
      return false;
    }
    return switch (previous.stateAt(now)) {
      case ACTIVE -> draft.startsAt().equals(previous.startsAt()) && !draft.endsAt().isBefore(now);
      case PENDING -> !draft.startsAt().isBefore(now);
      case EXPIRED -> false;
    };
  }

  private static Silence build(String id, SilenceDraft draft, Instant start, Instant now) {
    return new Silence(id, draft.matchers(), start, draft.endsAt(), draft.createdBy(), draft.comment(), now,
        draft.recurrence(), draft.owner());
  }

  private static Silence expired(Silence silence, Instant now) {
    Instant start = silence.stateAt(now) == SilenceState.PENDING ? now : silence.startsAt();
    return silence.withTimes(start, now, now);
  }

  private static List<Silence> sorted(List<Silence> silences, Instant now) {
    // Active first (ending soonest first), then pending (starting soonest), then expired (latest first).
    List<Silence> copy = new ArrayList<>(silences);
    copy.sort((a, b) -> {
      int byState = Integer.compare(rank(a.stateAt(now)), rank(b.stateAt(now)));
      if (byState != 0) {
        return byState;
      }
      int byTime = switch (a.stateAt(now)) {
        case ACTIVE -> a.endsAt().compareTo(b.endsAt());
        case PENDING -> a.startsAt().compareTo(b.startsAt());
        case EXPIRED -> b.endsAt().compareTo(a.endsAt());
      };
      return byTime != 0 ? byTime : a.id().compareTo(b.id());
    });
    return copy;
  }

  private static int rank(SilenceState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case PENDING -> 1;
      case EXPIRED -> 2;
    };
  }
}
