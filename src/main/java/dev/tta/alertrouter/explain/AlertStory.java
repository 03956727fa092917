package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decisions about one alert so far, bounded: a repeated decision folds into the earlier one
 * about the same subject, and past {@code maxDecisions} the oldest notification line goes first, so
 * the decisions that explain why an alert went where it went stay while it keeps paging. A repeat
 * only counts and moves a time: it allocates nothing, and the words of a decision are built when the
 * story is read.
 */
final class AlertStory {
  private final Fingerprint fingerprint;
  private final int maxDecisions;
  private final List<Entry> entries = new ArrayList<>();
  private Labels labels;
  private long dropped;

  AlertStory(Fingerprint fingerprint, Labels labels, int maxDecisions) {
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.labels = Objects.requireNonNull(labels, "labels");
    if (maxDecisions < 1) {
      throw new IllegalArgumentException("maxDecisions must be at least 1");
    }
    this.maxDecisions = maxDecisions;
  }

  /**
   * One line of the story. Mutable, under the story's lock; {@link Decision}s are its snapshots. Its
   * stage and subject are kept beside the verdict, so a search for the latest line about a subject
   * reads the entries alone. The last time is kept as numbers: a long-lived entry then holds no
   * reference to each repeat's instant.
   */
  private static final class Entry {
    private final DecisionStage stage;
    private final String subject;
    private Verdict verdict;
    private final Instant at;
    private long lastSecond;
    private int lastNano;
    private int times;

    Entry(Verdict verdict, Instant at, Instant lastAt, int times) {
      this.stage = verdict.stage();
      this.subject = verdict.subject();
      this.verdict = verdict;
      this.at = at;
      this.lastSecond = lastAt.getEpochSecond();
      this.lastNano = lastAt.getNano();
      this.times = times;
    }

    void repeatedAt(Instant when) {
      times++;
      long second = when.getEpochSecond();
      if (second > lastSecond || second == lastSecond && when.getNano() > lastNano) {
        lastSecond = second;
        lastNano = when.getNano();
      }
    }

    Decision decision() {
      return new Decision(at, stage, subject, verdict.summary(), verdict.details(),
          Instant.ofEpochSecond(lastSecond, lastNano), times);
    }
  }

  /**
   * Adds {@code verdict}, taken at {@code at}, or folds it into the latest decision about the same
   * subject when it decides the same again.
   *
   * @return true when it folded: it told nothing new
   */
  synchronized boolean add(Labels latestLabels, Verdict verdict, Instant at) {
    labels = Objects.requireNonNull(latestLabels, "latestLabels");
    return addTaken(verdict, at, at, 1);
  }

  /** {@link #add} of each of {@code verdicts}, in order, under one lock. */
  synchronized void addAll(Labels latestLabels, List<? extends Verdict> verdicts, Instant at) {
    labels = Objects.requireNonNull(latestLabels, "latestLabels");
    for (Verdict verdict : verdicts) {
      addTaken(verdict, at, at, 1);
    }
  }

  /** {@link #add} of a decision already in words, with its own times. */
  synchronized boolean add(Labels latestLabels, Decision decision) {
    labels = Objects.requireNonNull(latestLabels, "latestLabels");
    return addTaken(Verdicts.of(decision), decision.at(), decision.lastAt(), decision.times());
  }

  private boolean addTaken(Verdict verdict, Instant at, Instant lastAt, int times) {
    Objects.requireNonNull(at, "at");
    DecisionStage stage = verdict.stage();
    if (stage.folds()) {
      String subject = verdict.subject();
      for (int i = entries.size() - 1; i >= 0; i--) {
        Entry earlier = entries.get(i);
        if (earlier.stage == stage && earlier.subject.equals(subject)) {
          Verdict known = earlier.verdict;
          boolean equal = known == verdict || known.equals(verdict);
          if (!equal && !sameWords(known, verdict)) {
            break;
          }
          if (!equal) {
            // It reads the same (a route of a reloaded tree, say): keeping the newer one lets the
            // next repeat compare equal without words.
            earlier.verdict = verdict;
          }
          earlier.repeatedAt(at);
          return true;
        }
      }
    }
    entries.add(new Entry(verdict, at, lastAt, times));
    if (entries.size() > maxDecisions) {
      entries.remove(oldestToDrop());
      dropped++;
    }
    return false;
  }

  private static boolean sameWords(Verdict a, Verdict b) {
    return a.summary().equals(b.summary()) && a.details().equals(b.details());
  }

  /** The oldest notification line, else the oldest line. */
  private int oldestToDrop() {
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).stage.folds()) {
        return i;
      }
    }
    return 0;
  }

  synchronized Explanation snapshot() {
    List<Decision> decisions = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      decisions.add(e.decision());
    }
    return new Explanation(fingerprint, labels, decisions, dropped);
  }
}
