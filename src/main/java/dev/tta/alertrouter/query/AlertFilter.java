package dev.tta.alertrouter.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tta.alertrouter.alert.Matcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which alerts a listing wants, as the query parameters of Alertmanager's {@code GET /api/v2/alerts}.
 *
 * @param matchers all must match the alert's labels
 * @param active include alerts that are neither silenced nor inhibited
 * @param silenced include silenced alerts
 * @param inhibited include inhibited alerts
 * @param unprocessed include unprocessed alerts (none are: every alert is judged when listed)
 * @param receiver when present, at least one of the alert's receivers must match it, anchored
 */
public record AlertFilter(
    List<Matcher> matchers, boolean active, boolean silenced, boolean inhibited, boolean unprocessed,
    Optional<Pattern> receiver) {

  public AlertFilter {
    matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
    Objects.requireNonNull(receiver, "receiver");
  }

  /** Every alert matching {@code matchers}, whatever its state or receiver. */
  public static AlertFilter matching(List<Matcher> matchers) {
    return new AlertFilter(matchers, true, true, true, true, Optional.empty());
  }

  /**
   * Compiles a receiver regex as Alertmanager does ({@code ^(?:…)$}, RE2).
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static Pattern receiverPattern(String regex) {
    try {
      return Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`", e);
    }
  }

  /** Whether an alert with these marks passes the state and receiver parts of the filter. */
  public boolean admits(AlertMarks marks) {
    return admitsState(marks) && (receiver.isEmpty() || marks.receivers().stream().anyMatch(this::admitsReceiver));
  }

  /** Whether a receiver name passes the receiver part of the filter. */
  public boolean admitsReceiver(String name) {
    return receiver.isEmpty() || receiver.get().matcher(name).matches();
  }

  /** Whether an alert with these marks passes the state part of the filter (active, silenced, inhibited). */
  public boolean admitsState(AlertMarks marks) {
    if (!active && marks.state() == AlertState.ACTIVE) {
      return false;
    }
    if (!silenced && marks.silenced()) {
      return false;
    }
    if (!inhibited && marks.inhibited()) {
      return false;
    }
    return true;
  }
}
