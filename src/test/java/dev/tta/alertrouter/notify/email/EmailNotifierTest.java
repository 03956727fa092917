package dev.tta.alertrouter.notify.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailNotifierTest {
  private static final String PASSWORD = "not-a-real-password-42";

  @TempDir Path dir;
  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("router@tta.dev", "router", PASSWORD));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private String smarthost() {
    return "127.0.0.1:" + smtp.getSmtp().getPort();
  }

  private EmailConfig plainConfig(String extra) {
    return EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: '"Alert Router" <router@tta.dev>'
          smarthost: %s
          hello: router.tta.dev
          require_tls: false
        """.formatted(smarthost()) + extra.indent(2), Map.of());
  }

  @Test
  void deliversTextAndHtmlAlternativesWithSubjectFromTheTemplate() throws Exception {
    EmailConfig config = plainConfig("""
        headers:
          X-Team: platform
          Reply-To: oncall@tta.dev
        """);

    assertEquals(new DeliveryOutcome.Delivered(),
        EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("Database is down")));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage mail = received[0];
    assertEquals("[FIRING:1] P0 TTADatabaseDown: Database is down", mail.getSubject());
    assertEquals("Alert Router <router@tta.dev>", mail.getHeader("From", ","));
    assertEquals("platform@tta.dev", mail.getHeader("To", ","));
    assertEquals("platform", mail.getHeader("X-Team", ","));
    assertEquals("oncall@tta.dev", mail.getHeader("Reply-To", ","));
    assertEquals(Date.from(EmailTestSetup.NOW), mail.getSentDate());
    assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(0).getContentType().contains("charset=UTF-8"), parts.getBodyPart(0).getContentType());
    // SMTP carries lines ending in CRLF.
    String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
    assertTrue(text.startsWith("FIRING P0: TTADatabaseDown\n\nDatabase is down\n\nPrimary is not accepting connections\n"),
        text);
    assertTrue(text.contains("\nRunbook: https://runbooks.tta.dev/database-issues\n"), text);
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(html.contains("<a href=\"https://runbooks.tta.dev/database-issues\""), html);
    assertTrue(html.contains("<h1 style=\"margin:4px 0 8px;font-size:20px\">TTADatabaseDown</h1>"), html);
  }

  @Test
  void everyAddressInToReceivesTheMail() throws Exception {
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: 'platform@tta.dev, "On Call" <oncall@tta.dev>'
          from: router@tta.dev
          smarthost: %s
          require_tls: false
        """.formatted(smarthost()), Map.of());

    assertEquals(new DeliveryOutcome.Delivered(), EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x")));

    assertEquals(2, smtp.getReceivedMessages().length, "one copy per recipient");
    assertEquals(1, deliveredTo("platform@tta.dev"));
    assertEquals(1, deliveredTo("oncall@tta.dev"));
  }

  @Test
  void requiredTlsRefusesAServerWithoutStartTls() {
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: %s
        """.formatted(smarthost()), Map.of());
    assertTrue(config.requireTls(), "Alertmanager's default");

    DeliveryOutcome outcome = EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x"));

    assertEquals(new DeliveryOutcome.Permanent("SMTP server " + smarthost() + " does not offer STARTTLS and require_tls"
        + " is true: not sending in clear text (set require_tls: false to allow it)"), outcome);
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void authenticatesWithTheConfiguredUser() {
    EmailConfig config = plainConfig("""
        auth_username: router
        auth_password_file: %s
        """.formatted(secretFile(PASSWORD)));

    assertEquals(new DeliveryOutcome.Delivered(), EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x")));
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void authIdentityIsSentAsTheAuthorizationIdentity() {
    EmailConfig config = plainConfig("""
        auth_username: router
        auth_password: %s
        auth_identity: router
        """.formatted(PASSWORD));

    assertEquals(new DeliveryOutcome.Delivered(), EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x")));
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void wrongPasswordIsPermanentAndNotRepeated() {
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: %s
          require_tls: false
          auth_username: router
          auth_password: ${SMTP_PASSWORD}
        """.formatted(smarthost()), Map.of("SMTP_PASSWORD", "wrong-password-17"));

    DeliveryOutcome outcome = EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertTrue(permanent.reason().startsWith("SMTP server " + smarthost() + ": authentication failed"), permanent.reason());
    assertFalse(permanent.reason().contains("wrong-password-17"), permanent.reason());
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void headersOverrideToFromAndSubjectAsInAlertmanager() throws Exception {
    EmailConfig config = plainConfig("""
        headers:
          to: 'Platform Team <platform-list@tta.dev>'
          from: 'Alerts <alerts@tta.dev>'
          subject: 'Something is wrong'
        """);

    EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("Database is down"));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals("Something is wrong", mail.getSubject());
    assertEquals("Alerts <alerts@tta.dev>", mail.getHeader("From", ","));
    assertEquals("Platform Team <platform-list@tta.dev>", mail.getHeader("To", ","));
    assertEquals(1, smtp.getReceivedMessages().length);
    assertEquals(1, deliveredTo("platform@tta.dev"), "the envelope still goes to `to`");
  }

  @Test
  void alertTextCannotInjectAHeader() throws Exception {
    EmailConfig config = plainConfig("");

    EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("down\r\nBcc: everyone@evil.dev\r\nX-Evil: 1"));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length, "nobody else got it");
    MimeMessage mail = received[0];
    assertEquals("[FIRING:1] P0 TTADatabaseDown: down Bcc: everyone@evil.dev X-Evil: 1", mail.getSubject());
    assertNull(mail.getHeader("X-Evil"));
    assertNull(mail.getRecipients(Message.RecipientType.BCC));
    assertArrayEquals(new String[] {"platform@tta.dev"},
        java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).toArray());
  }

  @Test
  void unreachableServerIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: 127.0.0.1:%d
          require_tls: false
        """.formatted(closedPort), Map.of());

    DeliveryOutcome outcome = EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertTrue(retry.reason().startsWith("cannot reach SMTP server 127.0.0.1:" + closedPort + ": ConnectException"),
        retry.reason());
  }

  private long deliveredTo(String address) {
    return smtp.findReceivedMessages(user -> user.getEmail().equals(address), mail -> true).count();
  }

  private Path secretFile(String secret) {
    try {
      return java.nio.file.Files.writeString(dir.resolve("smtp-password"), secret + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
