package dev.tta.alertrouter.actionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.dispatch.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens sign what they say, refuse any change, and expire at their time. */
class ActionTokensTest {
  private static final String GROUP = "{}/{team=\"platform\"}:{alertname=\"TTADatabaseDown|x\", service=\"db\"}";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final ActionTokens tokens = new ActionTokens(key(1));

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private ActionToken ack() {
    return new ActionToken(GROUP, ActionToken.Action.ACK, "email", clock.instant().plus(Duration.ofHours(24)));
  }

  @Test
  void aSignedTokenReadsBackAsItWasUntilItExpires() {
    ActionToken signed = ack();
    String token = tokens.sign(signed);

    assertEquals(new ActionTokens.Verdict.Valid(signed), tokens.verify(token, clock.instant()));
    assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "safe in a URL path as it is: " + token);
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertInstanceOf(ActionTokens.Verdict.Valid.class, tokens.verify(token, clock.instant()));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(new ActionTokens.Verdict.Expired(signed), tokens.verify(token, clock.instant()));
  }

  @Test
  void anyChangeOrAnotherServersKeyIsRefused() {
    String token = tokens.sign(ack());
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String unack = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)
            .replace("|ack|", "|unack|").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertInstanceOf(ActionTokens.Verdict.Invalid.class, tokens.verify(unack + "." + signature, clock.instant()));
    assertInstanceOf(ActionTokens.Verdict.Invalid.class, new ActionTokens(key(2)).verify(token, clock.instant()));
    assertInstanceOf(ActionTokens.Verdict.Invalid.class, tokens.verify(payload, clock.instant()));
    assertInstanceOf(ActionTokens.Verdict.Invalid.class, tokens.verify(payload + ".", clock.instant()));
    assertInstanceOf(ActionTokens.Verdict.Invalid.class, tokens.verify("%%%." + signature, clock.instant()));
    assertInstanceOf(ActionTokens.Verdict.Invalid.class, tokens.verify(token + "." + signature, clock.instant()));
  }
}
