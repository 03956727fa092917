package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.dispatch.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signature check on a manual clock. The reference signature is the worked example of Slack's
 * "Verifying requests from Slack" page: its secret, timestamp, body and {@code v0=a2114d57…}.
 */
class SlackSignatureCheckTest {
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String SLACK_TIMESTAMP = "1531420618";
  private static final byte[] SLACK_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
      + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
  private static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(SLACK_TIMESTAMP));

  private final ManualClock clock = new ManualClock(SENT);
  private final List<Secret> secrets = new ArrayList<>(List.of(new Secret("another-apps-secret"), new Secret(SLACK_SECRET)));
  private final SlackSignatureCheck check = new SlackSignatureCheck(() -> List.copyOf(secrets), clock);

  @Test
  void slacksOwnExampleIsGenuineWhicheverConfiguredSecretSignedIt() {
    assertEquals(Optional.empty(), check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
  }

  @Test
  void aTimestampIsAcceptedUpToFiveMinutesEitherSideAndRefusedBeyond() {
    clock.set(SENT.plus(Duration.ofMinutes(5)));
    assertEquals(Optional.empty(), check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));

    SlackSignatureCheck fresh = new SlackSignatureCheck(() -> secrets, clock);
    clock.set(SENT.plus(Duration.ofMinutes(5)).plusSeconds(1));
    assertEquals(Optional.of("X-Slack-Request-Timestamp is more than 5 minutes from now"),
        fresh.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
    SlackSignatureCheck behind = new SlackSignatureCheck(() -> secrets,
        new ManualClock(SENT.minus(Duration.ofMinutes(5)).minusSeconds(1)));
    assertEquals(Optional.of("X-Slack-Request-Timestamp is more than 5 minutes from now"),
        behind.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
  }

  @Test
  void eachSignatureIsAcceptedOnce() {
    assertEquals(Optional.empty(), check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
    clock.advance(Duration.ofMinutes(4));

    assertEquals(Optional.of("this request was already received (replayed)"),
        check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
  }

  @Test
  void aWrongSecretAChangedBodyOrTimestampAndMissingHeadersAreRefused() {
    secrets.remove(1);
    assertEquals(Optional.of("X-Slack-Signature does not match any configured signing secret"),
        check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY));
    secrets.add(new Secret(SLACK_SECRET));
    byte[] changed = SLACK_BODY.clone();
    changed[changed.length - 1] = 'd';
    assertEquals(Optional.of("X-Slack-Signature does not match any configured signing secret"),
        check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, changed));
    assertEquals(Optional.of("X-Slack-Signature does not match any configured signing secret"),
        check.refusal("1531420619", SLACK_SIGNATURE, SLACK_BODY));
    assertEquals(Optional.of("X-Slack-Request-Timestamp and X-Slack-Signature are required"),
        check.refusal(null, SLACK_SIGNATURE, SLACK_BODY));
    assertEquals(Optional.of("X-Slack-Request-Timestamp and X-Slack-Signature are required"),
        check.refusal(SLACK_TIMESTAMP, null, SLACK_BODY));
    assertEquals(Optional.of("X-Slack-Request-Timestamp is not a Unix time in seconds"),
        check.refusal("yesterday", SLACK_SIGNATURE, SLACK_BODY));
    assertEquals(Optional.empty(), check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY), "refusals remember nothing");
  }

  @Test
  void withoutASecretConfiguredEveryRequestIsRefused() {
    secrets.clear();
    assertTrue(check.refusal(SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY).orElseThrow().startsWith("no Slack signing secret"));
  }

  @Test
  void signaturesAreRememberedBoundedlyAndForgottenAfterTheWindow() {
    for (int i = 0; i < SlackSignatureCheck.REMEMBERED; i++) {
      assertEquals(Optional.empty(), check.refusal(SLACK_TIMESTAMP, sign(i), body(i)));
    }
    int next = SlackSignatureCheck.REMEMBERED;
    assertEquals(Optional.of("too many Slack requests in 5 minutes to tell replays apart"),
        check.refusal(SLACK_TIMESTAMP, sign(next), body(next)), "full: refused rather than a replay let through");

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    String later = Long.toString(clock.instant().getEpochSecond());
    assertEquals(Optional.empty(), check.refusal(later, sign(later, next), body(next)), "the old ones were forgotten");
  }

  private static byte[] body(int i) {
    return ("payload=" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static String sign(int i) {
    return sign(SLACK_TIMESTAMP, i);
  }

  private static String sign(String timestamp, int i) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(body(i)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
