package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.Objects;

/**
 * An acknowledgement asked for, before it is checked against the group and the time.
 *
 * @param by who gives it (the authenticated identity where there is one)
 * @param comment may be empty
 * @param until null: until the group resolves
 * @param via how it came ({@link Ack#VIA_API}, ...)
 */
public record AckRequest(String by, String comment, Instant until, String via) {
  public AckRequest {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(via, "via");
  }
}
