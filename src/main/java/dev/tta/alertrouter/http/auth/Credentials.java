package dev.tta.alertrouter.http.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What an {@code Authorization} header carries. Its {@code toString} never shows a secret. */
sealed interface Credentials {
  record None() implements Credentials {}

  record Basic(String user, String password) implements Credentials {
    @Override
    public String toString() {
      return "Basic[user=" + user + "]";
    }
  }

  record Bearer(String token) implements Credentials {
    @Override
    public String toString() {
      return "Bearer[<secret>]";
    }
  }

  /** A scheme we do not take, or a value that cannot be decoded. */
  record Unusable() implements Credentials {}

  static Credentials of(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new None();
    }
    if (hasScheme(authorization, "bearer ")) {
      String token = authorization.substring(7).strip();
      return token.isEmpty() ? new Unusable() : new Bearer(token);
    }
    if (hasScheme(authorization, "basic ")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new Unusable();
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? new Unusable() : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
    return new Unusable();
  }

  private static boolean hasScheme(String header, String scheme) {
    return header.regionMatches(true, 0, scheme, 0, scheme.length());
  }
}
