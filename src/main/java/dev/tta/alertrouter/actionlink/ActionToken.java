package dev.tta.alertrouter.actionlink;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed action link says: do {@code action} to the group {@code groupKey}, recorded as given
 * {@code via}, until {@code expiresAt}.
 */
public record ActionToken(String groupKey, Action action, String via, Instant expiresAt) {
  public ActionToken {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (via.isEmpty() || via.contains("|")) {
      throw new IllegalArgumentException("via must be a plain word: " + via);
    }
  }

  /** What a link can do to a group. */
  public enum Action {
    ACK("ack", "Acknowledge"),
    UNACK("unack", "Unacknowledge");

    private final String wireName;
    private final String verb;

    Action(String wireName, String verb) {
      this.wireName = wireName;
      this.verb = verb;
    }

    /** The name inside a token. */
    public String wireName() {
      return wireName;
    }

    /** The button's word. */
    public String verb() {
      return verb;
    }

    static Action of(String wireName) {
      for (Action a : values()) {
        if (a.wireName.equals(wireName)) {
          return a;
        }
      }
      return null;
    }
  }
}
