package dev.tta.alertrouter.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The authenticated identity of a request, as the authentication layer leaves it: a String in the
 * request attribute {@value #ATTRIBUTE}, absent when the server is open. A silence created with an
 * identity is authored by it, whatever its body says (v1 and v2 alike).
 */
final class RequestIdentity {
  static final String ATTRIBUTE = "alertrouter.identity";

  private RequestIdentity() {}

  static Optional<String> of(Context ctx) {
    Object identity = ctx.attribute(ATTRIBUTE);
    return identity instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
