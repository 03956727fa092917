package dev.tta.alertrouter.http.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.net.Socket;
import java.security.Principal;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made in the test: a CA, a server certificate for 127.0.0.1 and localhost, a client
 * certificate the CA signed, and a client certificate nobody signed. PEM files as Prometheus reads them.
 */
final class TestCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  final Path dir;
  final Path caCert;
  final Path serverCert;
  final Path serverKey;
  final Pki ca;
  final Pki server;
  final Pki client;
  final Pki stranger;

  /** A key pair and its certificate. */
  record Pki(KeyPair keys, X509Certificate cert) {}

  TestCertificates(Path dir) throws Exception {
    this.dir = dir;
    ca = issue("CN=alert-router test CA", null, true, false);
    server = issue("CN=localhost", ca, false, true);
    client = issue("CN=scraper", ca, false, false);
    stranger = issue("CN=stranger", null, false, false);
    caCert = write(dir.resolve("ca.crt"), ca.cert());
    serverCert = write(dir.resolve("server.crt"), server.cert());
    serverKey = write(dir.resolve("server.key"), server.keys().getPrivate());
  }

  /** A server certificate signed by the same CA, to check that a reload takes a renewed certificate. */
  Pki renewedServer() throws Exception {
    return issue("CN=localhost renewed", ca, false, true);
  }

  /** A certificate, or an EC key as OpenSSL writes it ({@code EC PRIVATE KEY}, naming its curve). */
  static Path write(Path file, Object pem) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      if (pem instanceof PrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        BigInteger d = ((java.security.interfaces.ECPrivateKey) key).getS();
        ECPrivateKey sec1 = new ECPrivateKey(256, d, info.getPrivateKeyAlgorithm().getParameters());
        w.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      } else {
        w.writeObject(pem);
      }
    }
    return Files.writeString(file, out.toString());
  }

  /** A client context trusting the CA, presenting {@code identity} when not null. */
  SSLContext clientContext(Pki identity) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.cert());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(identity == null ? null : new KeyManager[] {new Presenting(identity)}, tmf.getTrustManagers(), RANDOM);
    return context;
  }

  /**
   * Presents its certificate whatever CAs the server names, as a Go client does (the JDK's own key
   * manager would keep quiet about a certificate the server's CAs did not sign).
   */
  private static final class Presenting extends X509ExtendedKeyManager {
    private final Pki identity;

    Presenting(Pki identity) {
      this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "me";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "me";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"me"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {identity.cert()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.keys().getPrivate();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }

  private static Pki issue(String subject, Pki issuer, boolean isCa, boolean isServer) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256, RANDOM);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name issuerName = new X500Name(issuer == null ? subject : issuer.cert().getSubjectX500Principal().getName());
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
        BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isServer) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    }
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
        .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    return new Pki(keys, cert);
  }
}
