package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's acknowledgement of one aggregation group (the unit a notification speaks for): while
 * it holds, the group's repeat notifications are not sent; news (an alert joining, a resolve) still is.
 *
 * @param groupKey the group's key, as notifications and {@code GET /api/v1/groups} carry it
 * @param by who acknowledged
 * @param comment why, or what is being done; may be empty
 * @param at when
 * @param until when it lapses by itself; null: when the group resolves
 * @param via how it was given ({@link #VIA_API}, ...), a closed set for metrics
 */
public record Ack(String groupKey, String by, String comment, Instant at, Instant until, String via) {
  /** Given through {@code POST /api/v1/groups/{groupKey}/ack}. */
  public static final String VIA_API = "api";
  /** Given through a signed link in an email ({@code GET/POST /actions/{token}}). */
  public static final String VIA_EMAIL = "email";
  /** Given through a signed link from another message (a webhook payload's {@code actionLinks}). */
  public static final String VIA_LINK = "link";
  /** Acknowledged (or resolved) in PagerDuty, told by its v3 webhook. */
  public static final String VIA_PAGERDUTY = "pagerduty";
  /** Given with a Slack message's Acknowledge button ({@code POST /api/v1/slack/interactions}). */
  public static final String VIA_SLACK = "slack";
  /** Given with the web UI's Acknowledge button. */
  public static final String VIA_UI = "ui";

  public Ack {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(via, "via");
    if (by.isBlank()) {
      throw new IllegalArgumentException("an acknowledgement needs someone who gives it");
    }
    if (until != null && !until.isAfter(at)) {
      throw new IllegalArgumentException("until must be after the acknowledgement");
    }
  }

  /** Whether it still holds at {@code now}: always until the group resolves, else until {@link #until}. */
  public boolean holdsAt(Instant now) {
    return until == null || now.isBefore(until);
  }

  public Optional<Instant> untilTime() {
    return Optional.ofNullable(until);
  }

  /** {@code acked by alice at 2026-11-25T10:00:00Z}, as explain and the held repeats say it. */
  public String describe() {
    return "acked by " + by + " at " + at + (until == null ? "" : " until " + until);
  }
}
