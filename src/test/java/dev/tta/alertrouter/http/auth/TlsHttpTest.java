package dev.tta.alertrouter.http.auth;

import static dev.tta.alertrouter.http.auth.SecuredServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from tls_server_config, with certificates made in the test, over real TLS connections. */
class TlsHttpTest {
  private static String tls(TestCertificates pki, String clientAuth) {
    return "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        + (clientAuth == null ? "" : "  client_auth_type: " + clientAuth + "\n  client_ca_file: ca.crt\n");
  }

  @Test
  void aRequiredClientCertificateIsAcceptedWhenTheCaSignedIt(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    String web = tls(pki, "RequireAndVerifyClientCert") + "  min_version: TLS12\n  max_version: TLS13\n";
    try (SecuredServer s = SecuredServer.start(dir, null, web, pki.clientContext(pki.client))) {
      HttpResponse<String> r = s.get("/api/v1/alerts");
      assertEquals(200, r.statusCode());
      assertEquals("https", r.uri().getScheme());
    }
  }

  @Test
  void aRequiredClientCertificateIsRefusedWhenMissingOrUnsigned(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    try (SecuredServer without = SecuredServer.start(dir, null, tls(pki, "RequireAndVerifyClientCert"), pki.clientContext(null))) {
      assertThrows(UncheckedIOException.class, () -> without.get("/-/healthy"));
    }
    try (SecuredServer stranger = SecuredServer.start(dir, null, tls(pki, "RequireAndVerifyClientCert"),
        pki.clientContext(pki.stranger))) {
      assertThrows(UncheckedIOException.class, () -> stranger.get("/-/healthy"));
    }
  }

  @Test
  void requireAnyClientCertTakesAnUnsignedCertificateButNotNone(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    String web = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAnyClientCert\n";
    try (SecuredServer s = SecuredServer.start(dir, null, web, pki.clientContext(pki.stranger))) {
      assertEquals(200, s.get("/-/healthy").statusCode());
    }
    try (SecuredServer s = SecuredServer.start(dir, null, web, pki.clientContext(null))) {
      assertThrows(UncheckedIOException.class, () -> s.get("/-/healthy"));
    }
  }

  @Test
  void verifyClientCertIfGivenLetsProbesInWithoutOneButRefusesAnUnsignedOne(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    try (SecuredServer s = SecuredServer.start(dir, null, tls(pki, "VerifyClientCertIfGiven"), pki.clientContext(null))) {
      assertEquals(200, s.get("/-/ready").statusCode());
    }
    try (SecuredServer s = SecuredServer.start(dir, null, tls(pki, "VerifyClientCertIfGiven"), pki.clientContext(pki.stranger))) {
      assertThrows(UncheckedIOException.class, () -> s.get("/-/ready"));
    }
  }

  @Test
  void basicAuthOverHttpsWithGoCipherNamesAndAPkcs8Key(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    Files.writeString(pki.serverKey, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pki.server.keys().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    String web = """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          min_version: TLS12
          max_version: TLS12
          cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305]
          prefer_server_cipher_suites: true
        basic_auth_users:
          alice: %s
        """.formatted(SecuredServer.hash("alice-pw"));
    try (SecuredServer s = SecuredServer.start(dir, null, web, pki.clientContext(null))) {
      HttpResponse<String> r = s.get("/api/v1/alerts", "Authorization", basic("alice", "alice-pw"));
      assertEquals(200, r.statusCode());
      assertEquals("TLSv1.2", r.sslSession().orElseThrow().getProtocol());
      assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", r.sslSession().orElseThrow().getCipherSuite());
      assertEquals(401, s.get("/api/v1/alerts", "Authorization", basic("alice", "wrong")).statusCode());
    }
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsAConfigError(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    TestCertificates.write(pki.serverKey, pki.client.keys().getPrivate());

    dev.tta.alertrouter.ConfigException e = assertThrows(dev.tta.alertrouter.ConfigException.class,
        () -> SecuredServer.start(dir, null, tls(pki, null), pki.clientContext(null)));
    assertEquals(java.util.List.of(dir.resolve("web.yml") + ":3: tls_server_config.key_file: the private key in \""
        + pki.serverKey + "\" does not match the certificate"), e.errors());
  }

  @Test
  void aReloadTakesARenewedCertificate(@TempDir Path dir) throws Exception {
    TestCertificates pki = new TestCertificates(dir);
    try (SecuredServer s = SecuredServer.start(dir, null, tls(pki, null), pki.clientContext(null))) {
      assertEquals(pki.server.cert(), served(s.get("/-/healthy")));
      TestCertificates.Pki renewed = pki.renewedServer();
      TestCertificates.write(pki.serverCert, renewed.cert());
      TestCertificates.write(pki.serverKey, renewed.keys().getPrivate());

      assertEquals(200, s.post("/-/reload", "").statusCode());

      // A new client: a new connection and handshake.
      try (SecuredServer fresh = reconnect(s, pki)) {
        assertEquals(renewed.cert(), served(fresh.get("/-/healthy")));
      }
    }
  }

  private static SecuredServer reconnect(SecuredServer s, TestCertificates pki) throws Exception {
    return SecuredServer.clientOf(s, pki.clientContext(null));
  }

  private static X509Certificate served(HttpResponse<String> r) throws Exception {
    return (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
  }
}
