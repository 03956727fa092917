package dev.tta.alertrouter.http;

import dev.tta.alertrouter.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256, keyed
 * with the app's signing secret, of {@code v0:{X-Slack-Request-Timestamp}:{raw body}}. A request is
 * genuine when any configured secret signed it, its timestamp is within {@link #WINDOW} of now, and
 * its signature was not seen before in that window (a captured request cannot be replayed).
 */
final class SlackSignatureCheck {
  /** Slack's advice: refuse requests whose timestamp is further than this from now. */
  static final Duration WINDOW = Duration.ofMinutes(5);
  /** Signatures remembered at most; beyond it requests are refused rather than a replay let through. */
  static final int REMEMBERED = 10_000;

  private final Supplier<List<Secret>> secrets;
  private final Clock clock;
  /** Signature to the request time it vouched for, oldest first; forgotten once out of the window. */
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  /** @param secrets the signing secrets configured now (a reload may change them) */
  SlackSignatureCheck(Supplier<List<Secret>> secrets, Clock clock) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Why the request is refused; empty when it is genuine, which also marks its signature as used. */
  Optional<String> refusal(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Optional.of("X-Slack-Request-Timestamp and X-Slack-Signature are required");
    }
    List<Secret> configured = secrets.get();
    if (configured.isEmpty()) {
      return Optional.of("no Slack signing secret is configured (signing_secret or global.slack_signing_secret)");
    }
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.of("X-Slack-Request-Timestamp is not a Unix time in seconds");
    }
    Instant now = clock.instant();
    if (Duration.between(sent, now).abs().compareTo(WINDOW) > 0) {
      return Optional.of("X-Slack-Request-Timestamp is more than 5 minutes from now");
    }
    if (!signedByAny(configured, timestamp, signature, body)) {
      return Optional.of("X-Slack-Signature does not match any configured signing secret");
    }
    return remember(signature, sent, now);
  }

  private synchronized Optional<String> remember(String signature, Instant sent, Instant now) {
    for (Iterator<Instant> times = seen.values().iterator(); times.hasNext(); ) {
      if (Duration.between(times.next(), now).compareTo(WINDOW) > 0) {
        times.remove();
      }
    }
    if (seen.containsKey(signature)) {
      return Optional.of("this request was already received (replayed)");
    }
    if (seen.size() >= REMEMBERED) {
      return Optional.of("too many Slack requests in 5 minutes to tell replays apart");
    }
    seen.put(signature, sent);
    return Optional.empty();
  }

  private static boolean signedByAny(List<Secret> secrets, String timestamp, String signature, byte[] body) {
    byte[] given = signature.getBytes(StandardCharsets.UTF_8);
    boolean matched = false;
    for (Secret secret : secrets) {
      // Every secret is tried, so the time taken does not tell which one (or how much) matched.
      matched |= MessageDigest.isEqual(expected(secret, timestamp, body), given);
    }
    return matched;
  }

  private static byte[] expected(Secret secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return ("v0=" + HexFormat.of().formatHex(mac.doFinal())).getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
