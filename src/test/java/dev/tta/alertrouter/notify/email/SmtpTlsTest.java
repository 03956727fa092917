package dev.tta.alertrouter.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.config.HostPort;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Implicit TLS (SMTPS) against GreenMail's SMTPS server and its self-signed certificate. */
class SmtpTlsTest {
  @TempDir Path dir;
  private GreenMail smtps;

  @BeforeEach
  void start() {
    smtps = new GreenMail(ServerSetup.SMTPS.createCopy("127.0.0.1").dynamicPort());
    smtps.start();
  }

  @AfterEach
  void stop() {
    smtps.stop();
  }

  private SmtpEndpoint endpoint() {
    return new SmtpEndpoint("127.0.0.1", smtps.getSmtps().getPort(), true);
  }

  private DeliveryOutcome send(String tlsConfig) {
    EmailConfig config = EmailTestSetup.config(dir, """
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: 127.0.0.1:%d
        """.formatted(smtps.getSmtps().getPort()) + tlsConfig.indent(2), Map.of());
    var notifier = new EmailNotifier(config, EmailTestSetup.templates(config), TestNotifications.LINKS, endpoint());
    return notifier.send(EmailTestSetup.databaseDown("Database is down"));
  }

  @Test
  void port465MeansImplicitTlsAsInAlertmanager() {
    assertTrue(SmtpEndpoint.of(new HostPort("smtp.tta.dev", 465)).implicitTls());
    assertEquals(false, SmtpEndpoint.of(new HostPort("smtp.tta.dev", 587)).implicitTls());
    assertEquals(false, SmtpEndpoint.of(new HostPort("smtp.tta.dev", 25)).implicitTls());
  }

  @Test
  void implicitTlsDeliversWhenVerificationIsSkippedByChoice() throws Exception {
    assertEquals(new DeliveryOutcome.Delivered(), send("""
        tls_config:
          insecure_skip_verify: true
        """));

    assertEquals(1, smtps.getReceivedMessages().length);
    assertEquals("[FIRING:1] P0 TTADatabaseDown: Database is down", smtps.getReceivedMessages()[0].getSubject());
  }

  @Test
  void untrustedCertificateIsPermanent() {
    DeliveryOutcome outcome = send("");

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertTrue(permanent.reason().startsWith("TLS with SMTP server " + endpoint() + " failed: "), permanent.reason());
    assertEquals(0, smtps.getReceivedMessages().length);
  }

  @Test
  void trustedCaStillNeedsTheServersName() throws Exception {
    Path ca = greenMailCertificate();

    DeliveryOutcome outcome = send("""
        tls_config:
          ca_file: %s
        """.formatted(ca));

    assertEquals(new DeliveryOutcome.Permanent("TLS with SMTP server " + endpoint()
        + " failed: its certificate is not for 127.0.0.1 (No subject alternative names present)"), outcome);
    assertEquals(0, smtps.getReceivedMessages().length);
  }

  /** GreenMail's self-signed certificate (CN "GreenMail selfsigned Test Certificate"), as a PEM file. */
  private Path greenMailCertificate() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
      store.load(in, "changeit".toCharArray());
    }
    Certificate cert = store.getCertificate(store.aliases().nextElement());
    String pem = "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(dir.resolve("greenmail-ca.pem"), pem);
  }
}
