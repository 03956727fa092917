package dev.tta.alertrouter.http.auth;

import dev.tta.alertrouter.config.HttpAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The older {@code server.intake_auth} and {@code server.admin_auth}: checks an {@code Authorization} header against the configured credentials, as Alertmanager's
 * webhook {@code http_config} sends them. Every comparison runs in constant time, and the answer
 * never says which part was wrong.
 */
final class LegacyAuthenticator {
  private static final String BEARER = "bearer ";
  private static final String BASIC = "basic ";

  private LegacyAuthenticator() {}

  static boolean permits(HttpAuth required, String authorization) {
    if (authorization == null) {
      return false;
    }
    if (required instanceof HttpAuth.Bearer bearer) {
      return hasScheme(authorization, BEARER)
          && bearer.token().matches(authorization.substring(BEARER.length()).strip());
    }
    HttpAuth.Basic basic = (HttpAuth.Basic) required;
    if (!hasScheme(authorization, BASIC)) {
      return false;
    }
    String decoded;
    try {
      byte[] raw = Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip());
      decoded = new String(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean userOk = MessageDigest.isEqual(
        basic.username().getBytes(StandardCharsets.UTF_8),
        decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
    boolean passwordOk = basic.password().matches(decoded.substring(colon + 1));
    // '&', not '&&': both comparisons always run, so timing does not tell which one failed.
    return userOk & passwordOk;
  }

  /** The {@code WWW-Authenticate} value that tells a client which scheme to use. */
  static String challenge(HttpAuth required) {
    return required instanceof HttpAuth.Bearer ? "Bearer realm=\"alert-router\"" : "Basic realm=\"alert-router\"";
  }

  private static boolean hasScheme(String header, String scheme) {
    return header.regionMatches(true, 0, scheme, 0, scheme.length());
  }
}
