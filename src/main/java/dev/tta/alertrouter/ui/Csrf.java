package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.startup.Lazy;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Double-submit CSRF protection: every page gives the browser a random token in an HttpOnly,
 * SameSite=Strict cookie and the same token in a hidden field of each form; a state-changing POST is
 * refused unless both are present and equal. Another site can make a browser send the cookie (not
 * with SameSite=Strict, but older browsers) yet cannot read it to fill in the field.
 */
final class Csrf {
  static final String COOKIE = "alertrouter_csrf";
  static final String FIELD = "_csrf";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Seeded at the first token, not while a restart waits. */
  private final Lazy<SecureRandom> random = Lazy.of(SecureRandom::new);

  /** The browser's token, issuing a new one (and its cookie) when it has none. */
  String token(Context ctx) {
    String existing = ctx.cookie(COOKIE);
    if (existing != null && TOKEN.matcher(existing).matches()) {
      return existing;
    }
    byte[] bytes = new byte[32];
    random.get().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
    ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + secure);
    ctx.attribute(COOKIE, token);
    return token;
  }

  /** Whether the form's token matches the cookie's. */
  boolean accepts(Context ctx) {
    String cookie = ctx.cookie(COOKIE);
    String field = ctx.formParam(FIELD);
    if (cookie == null || field == null || !TOKEN.matcher(cookie).matches()) {
      return false;
    }
    return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8));
  }
}
