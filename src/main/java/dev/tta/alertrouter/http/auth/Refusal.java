package dev.tta.alertrouter.http.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a request was refused: 401 (not authenticated) or 403 (not allowed).
 *
 * @param status 401 or 403
 * @param reason the label of {@code alertrouter_http_auth_refused_total}
 * @param message the answer's error text; names the problem, never a secret
 * @param challenge the {@code WWW-Authenticate} value of a 401
 */
record Refusal(int status, Reason reason, String message, Optional<String> challenge) {
  Refusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(challenge, "challenge");
  }

  /** The closed set of refusal reasons, as metric label values. */
  enum Reason {
    MISSING_CREDENTIALS("missing_credentials"),
    BAD_CREDENTIALS("bad_credentials"),
    UNTRUSTED_PROXY("untrusted_proxy"),
    FORBIDDEN("forbidden");

    final String label;

    Reason(String label) {
      this.label = label;
    }
  }
}
