package dev.tta.alertrouter.flap;

import dev.tta.alertrouter.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One alert's changes between firing and resolved in one group, as its flushes saw it, and whether
 * it is flapping. Changes are read from the alert's own times, not from when a flush saw them: a
 * new {@code startsAt} is a new firing (and, if no flush saw it resolved in between, a resolve
 * too), a resolved copy's {@code endsAt} is a resolve. So a cycle faster than group_interval still
 * counts. Guarded by its own lock: only the flushes of its group change it, and those never overlap.
 */
final class FlapHistory {
  private final Deque<Instant> changes = new ArrayDeque<>();
  private Instant startsAt;
  private boolean resolved;
  private Instant lastChange;
  private FlapStatus flapping;
  /** The copy the receiver was last shown while flapping: held notifications repeat it, not the news. */
  private Alert shown;
  /** How long it is worth remembering after its last change: its route's window plus stable_for. */
  private Duration memory = Duration.ZERO;

  /** Takes the copy a flush at {@code now} holds; returns how many changes fall within {@code window}. */
  synchronized int observe(Alert alert, Instant now, Duration window, Duration stableFor) {
    memory = window.plus(stableFor);
    boolean resolvedNow = alert.isResolvedAt(now);
    if (startsAt == null) {
      startsAt = alert.startsAt();
      if (resolvedNow) {
        change(alert.endsAt());
      }
    } else {
      if (!alert.startsAt().equals(startsAt)) {
        if (!resolved) {
          change(alert.startsAt()); // it resolved between two flushes: no flush saw that copy
        }
        change(alert.startsAt());
        startsAt = alert.startsAt();
        resolved = false;
      }
      if (resolvedNow && !resolved) {
        change(alert.endsAt().isAfter(now) ? now : alert.endsAt());
      } else if (!resolvedNow && resolved) {
        change(now);
      }
    }
    resolved = resolvedNow;
    Instant horizon = now.minus(window);
    while (!changes.isEmpty() && changes.peekFirst().isBefore(horizon)) {
      changes.removeFirst();
    }
    return changes.size();
  }

  private void change(Instant at) {
    changes.addLast(at);
    if (lastChange == null || at.isAfter(lastChange)) {
      lastChange = at;
    }
  }

  synchronized FlapStatus flapping() {
    return flapping;
  }

  synchronized void startFlapping(FlapStatus status, Alert shownCopy) {
    flapping = status;
    shown = shownCopy;
  }

  synchronized Alert shown() {
    return shown;
  }

  /** Whether it has kept one state for {@code stableFor} as of {@code now}. */
  synchronized boolean stableFor(Duration stableFor, Instant now) {
    return lastChange == null || !lastChange.isAfter(now.minus(stableFor));
  }

  /**
   * Ends flapping. The changes that made it flap are forgotten too (the hysteresis): otherwise a
   * window longer than stable_for would find it flapping again at the next flush.
   */
  synchronized void stopFlapping() {
    flapping = null;
    shown = null;
    changes.clear();
  }

  /** Nothing worth remembering: not flapping and no change its route could still count. */
  synchronized boolean forgettable(Instant now) {
    return flapping == null && (lastChange == null || lastChange.isBefore(now.minus(memory)));
  }
}
