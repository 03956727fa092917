package dev.tta.alertrouter.notify.webhook;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.notify.Notification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Idempotency-Key} header of an outgoing webhook: the hex SHA-256 of the group key and,
 * in fingerprint order, each alert's fingerprint and status at the flush. A notification sent again
 * with the same content (a retry, or a resend after a crash between the receiver's answer and the
 * notification log's write) repeats the key, so a receiver can drop it; any change of content (an
 * alert more, one resolved) gives a new key. Annotations and times are left out on purpose: a
 * resend after a restart carries the same alerts with a later flush time.
 */
public final class IdempotencyKey {
  public static final String HEADER = "Idempotency-Key";

  private IdempotencyKey() {}

  /** The key of {@code notification} as posted (after max_alerts cut it). */
  public static String of(Notification notification) {
    Instant at = notification.context().now();
    List<Alert> alerts = notification.alerts().stream()
        .sorted((a, b) -> Long.compareUnsigned(a.fingerprint().value(), b.fingerprint().value()))
        .toList();
    StringBuilder content = new StringBuilder(notification.context().groupKey());
    for (Alert alert : alerts) {
      content.append('\n').append(alert.fingerprint()).append(' ').append(alert.statusAt(at).wireName());
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
