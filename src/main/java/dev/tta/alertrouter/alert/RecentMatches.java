package dev.tta.alertrouter.alert;

import com.google.re2j.Pattern;
import java.util.Objects;

/**
 * A regex matcher's answers for the label values it saw last, so that a value seen again is not run
 * through RE2 again (about 200 ns a run). Label values repeat all the time — every resend of an
 * alert brings the same alertname, service and namespace, and intake holds each value once — so in
 * an alert storm nearly every regex test is a repeat (bench/README.md).
 *
 * <p>Direct-mapped by the value's hash: a slot holds the latest answer for one value, and a value
 * whose slot holds another is run through RE2 and takes the slot. Slots are written without locks:
 * an answer is immutable (final fields, safely published), so a reader sees null, an older answer
 * or the latest, all of them correct; a lost write only costs a later run.
 */
final class RecentMatches {
  private static final int SLOTS = 256;

  private record Answer(String value, boolean matched) {}

  private final Pattern pattern;
  private final Answer[] answers = new Answer[SLOTS];

  RecentMatches(Pattern pattern) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
  }

  boolean matches(String value) {
    int slot = value.hashCode() & (SLOTS - 1);
    Answer answer = answers[slot];
    if (answer != null && (answer.value() == value || answer.value().equals(value))) {
      return answer.matched();
    }
    boolean matched = pattern.matches(value);
    answers[slot] = new Answer(value, matched);
    return matched;
  }
}
