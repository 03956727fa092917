package dev.tta.alertrouter.http.auth;

import java.util.Optional;

/** The outcome of checking one request: let it through (with who made it, when known), or refuse it. */
sealed interface Decision {
  record Allowed(Optional<Identity> identity) implements Decision {}

  record Refused(Refusal refusal) implements Decision {}
}
