package dev.tta.alertrouter.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.digest.Digest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest as a mail, delivered to GreenMail: subject, text and HTML parts, values escaped. */
class EmailDigestTest {
  @TempDir Path dir;
  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void aDigestIsOneMailWithTheHeadlineAsSubject() throws Exception {
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: 127.0.0.1:%d
          require_tls: false
        """.formatted(smtp.getSmtp().getPort()), Map.of());
    Instant start = Instant.parse("2026-12-03T10:05:00Z");
    Digest digest = new Digest("platform/email[0]@" + start, "platform", "email[0]", start, start.plusSeconds(300), 3,
        List.of(new Digest.FoldedGroup("{}:{alertname=\"<b>x</b>\"}", 4, 1)),
        List.of(new Digest.Count("<b>x</b>", 5)), List.of(new Digest.Count("platform", 5)),
        List.of(new Digest.Count("P2", 5)));

    assertEquals(new DeliveryOutcome.Delivered(), EmailTestSetup.notifier(config).sendDigest(digest));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length);
    assertEquals("[DIGEST] +5 more alerts in 1 group for platform", received[0].getSubject());
    MimeMultipart parts = (MimeMultipart) received[0].getContent();
    String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
    assertTrue(text.startsWith("+5 more alerts in 1 group (4 firing, 1 resolved), 3 notifications folded"), text);
    assertTrue(text.contains("Top alertnames: <b>x</b> (5)\nTeams: platform (5)\nPriorities: P2 (5)\n"), text);
    assertTrue(text.contains("All alerts of platform: http"), text);
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(html.contains("Top alertnames: &lt;b&gt;x&lt;/b&gt; (5)"), html);
    assertFalse(html.contains("<b>x</b>"), html);
    assertTrue(html.contains("/alerts?receiver=platform\">All alerts of platform</a>"), html);
  }
}
