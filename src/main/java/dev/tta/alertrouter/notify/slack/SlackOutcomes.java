package dev.tta.alertrouter.notify.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what Slack answered as a {@link DeliveryOutcome}. Slack answers in three ways: an incoming
 * webhook with an HTTP status and a short text body ({@code ok}, {@code invalid_payload}, {@code
 * channel_not_found}); the Web API with HTTP 200 and {@code ok:false} plus an error code for most
 * failures; and both with 429 and {@code Retry-After} when rate limited, or 5xx when Slack is down.
 */
final class SlackOutcomes {
  /** Web API error codes that a later attempt may get past; every other code is permanent. */
  private static final Set<String> RETRYABLE_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
      "fatal_error", "service_unavailable", "request_timeout");
  private static final int MAX_BODY = 200;

  private SlackOutcomes() {}

  static DeliveryOutcome webhook(WebhookResponse response) {
    int code = response.getCode() == null ? 0 : response.getCode();
    if (code >= 200 && code < 300) {
      return new DeliveryOutcome.Delivered();
    }
    String reason = "Slack webhook answered HTTP " + code + bodyOf(response.getBody());
    if (code == 429) {
      return new DeliveryOutcome.Retryable(retryAfter(response.getHeaders()), reason);
    }
    if (code >= 500 || code == 408) {
      return new DeliveryOutcome.Retryable(Optional.empty(), reason);
    }
    return new DeliveryOutcome.Permanent(reason);
  }

  /** Delivered when {@code ok}; else by the error code. */
  static DeliveryOutcome api(String method, SlackApiTextResponse response) {
    if (response.isOk()) {
      return new DeliveryOutcome.Delivered();
    }
    String error = response.getError() == null ? "unknown_error" : response.getError();
    String reason = "Slack " + method + " failed: " + error
        + (response.getNeeded() == null ? "" : " (needs scope " + response.getNeeded() + ")");
    if (RETRYABLE_ERRORS.contains(error)) {
      return new DeliveryOutcome.Retryable(Optional.empty(), reason);
    }
    return new DeliveryOutcome.Permanent(reason);
  }

  /** The Web API answered with an HTTP error status. */
  static DeliveryOutcome api(String method, SlackApiException e) {
    int code = e.getResponse().code();
    String error = e.getError() != null && e.getError().getError() != null
        ? ": " + e.getError().getError() : bodyOf(e.getResponseBody());
    String reason = "Slack " + method + " answered HTTP " + code + error;
    if (code == 429) {
      return new DeliveryOutcome.Retryable(retryAfter(e.getResponse().headers().toMultimap()), reason);
    }
    if (code >= 500 || code == 408) {
      return new DeliveryOutcome.Retryable(Optional.empty(), reason);
    }
    return new DeliveryOutcome.Permanent(reason);
  }

  /** Slack could not be reached, or did not answer in time. */
  static DeliveryOutcome unreachable(String what, IOException e, Redactor redactor) {
    return new DeliveryOutcome.Retryable(Optional.empty(), redactor.redact(
        what + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
  }

  /** Slack sends whole seconds; an HTTP date or garbage means "no advice". */
  static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After") && !h.getValue().isEmpty()) {
        try {
          long seconds = Long.parseLong(h.getValue().get(0).strip());
          return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String bodyOf(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\p{Cntrl}+", " ");
    return ": " + (oneLine.length() > MAX_BODY ? oneLine.substring(0, MAX_BODY) + "…" : oneLine);
  }
}
