package dev.tta.alertrouter.notify;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns an HTTP peer's answer into a {@link DeliveryOutcome}, the same way for every HTTP
 * integration: 2xx delivered; 429 and 5xx retryable, honouring {@code Retry-After}; any other
 * status permanent.
 */
public final class HttpOutcomes {
  private static final int SNIPPET_CHARS = 200;

  private HttpOutcomes() {}

  /**
   * @param now the time a {@code Retry-After} date is measured from
   * @param reason what to report when it is not a success, e.g. {@code "PagerDuty answered 400: ..."}
   * @param alsoRetryable further statuses a retry may fix (PagerDuty's v1 API rate-limits with 403)
   */
  public static DeliveryOutcome of(HttpPoster.Response response, Instant now, String reason, int... alsoRetryable) {
    if (response.isSuccess()) {
      return new DeliveryOutcome.Delivered();
    }
    int status = response.status();
    boolean retryable = status == 429 || status / 100 == 5;
    for (int code : alsoRetryable) {
      retryable |= status == code;
    }
    if (retryable) {
      return new DeliveryOutcome.Retryable(response.retryAfter().flatMap(v -> retryAfter(v, now)), reason);
    }
    return new DeliveryOutcome.Permanent(reason);
  }

  /**
   * No answer came: worth another try. The exception's own words are kept (they name the host, not
   * the path); {@code secretUrl}, when the URL itself is a secret, is masked should it appear.
   */
  public static DeliveryOutcome unreachable(String peer, IOException e, Optional<String> secretUrl) {
    String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (secretUrl.isPresent() && !secretUrl.get().isEmpty()) {
      detail = detail.replace(secretUrl.get(), "<secret url>");
    }
    return new DeliveryOutcome.Retryable(Optional.empty(), "could not reach " + peer + ": " + detail);
  }

  /** The start of a body, on one line, for an error message. */
  public static String snippet(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= SNIPPET_CHARS ? line : line.substring(0, SNIPPET_CHARS) + "…";
  }

  /**
   * A {@code Retry-After} value: whole seconds, or an HTTP date measured from {@code now} (a date in
   * the past means at once). Anything else is ignored.
   */
  static Optional<Duration> retryAfter(String value, Instant now) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
