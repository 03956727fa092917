package dev.tta.alertrouter.actionlink;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks action tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(key, that
 * first part))}, the payload being {@code 1|action|via|expiry epoch seconds|group key} in UTF-8. The
 * key is the server's (kept in the store); a token is a capability for one action on one group
 * until it expires, so whoever holds the link may use it, as often as they like until then.
 */
public final class ActionTokens {
  private static final String VERSION = "1";
  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Group keys are short; a longer token is not one of ours and is not worth decoding. */
  private static final int MAX_TOKEN_CHARS = 4096;

  private final SecretKeySpec key;

  /** @param key the server's key, at least 32 bytes */
  public ActionTokens(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 32) {
      throw new IllegalArgumentException("an action link key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), HMAC);
  }

  /** What checking a token found. */
  public sealed interface Verdict {
    /** Signed by this server and not expired. */
    record Valid(ActionToken token) implements Verdict {}

    /** Signed by this server, but too old to act on. */
    record Expired(ActionToken token) implements Verdict {}

    /** Not a token this server signed (changed, cut, made up). */
    record Invalid(String reason) implements Verdict {}
  }

  public String sign(ActionToken token) {
    String payload = String.join("|", VERSION, token.action().wireName(), token.via(),
        Long.toString(token.expiresAt().getEpochSecond()), token.groupKey());
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + ENCODER.encodeToString(mac(encoded));
  }

  /** Checks the signature first, so nothing of an unsigned token is read; then the expiry at {@code now}. */
  public Verdict verify(String token, Instant now) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return new Verdict.Invalid("not an action link");
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return new Verdict.Invalid("not an action link");
    }
    String encoded = token.substring(0, dot);
    byte[] signature;
    byte[] payload;
    try {
      signature = DECODER.decode(token.substring(dot + 1));
      payload = DECODER.decode(encoded);
    } catch (IllegalArgumentException e) {
      return new Verdict.Invalid("not an action link");
    }
    if (!MessageDigest.isEqual(signature, mac(encoded))) {
      return new Verdict.Invalid("the link's signature does not match: it was changed, or signed by another server");
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 5);
    ActionToken.Action action = parts.length == 5 ? ActionToken.Action.of(parts[1]) : null;
    if (!parts[0].equals(VERSION) || action == null) {
      return new Verdict.Invalid("an action link this version does not understand");
    }
    ActionToken read;
    try {
      read = new ActionToken(parts[4], action, parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3])));
    } catch (RuntimeException e) {
      return new Verdict.Invalid("an action link this version does not understand");
    }
    return now.isBefore(read.expiresAt()) ? new Verdict.Valid(read) : new Verdict.Expired(read);
  }

  private byte[] mac(String encodedPayload) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "ActionTokens[key=<secret>]";
  }
}
