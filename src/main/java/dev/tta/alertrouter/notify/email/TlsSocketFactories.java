package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS socket factory a {@code tls_config} asks for: its CAs, or no verification at all. */
final class TlsSocketFactories {
  private static final Map<String, List<String>> PROTOCOLS_FROM = Map.of(
      "TLS10", List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
      "TLS11", List.of("TLSv1.1", "TLSv1.2", "TLSv1.3"),
      "TLS12", List.of("TLSv1.2", "TLSv1.3"),
      "TLS13", List.of("TLSv1.3"));

  private TlsSocketFactories() {}

  static SSLSocketFactory of(TlsSettings tls) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(tls), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("tls_config: cannot use " + tls.caFile().map(Path::toString).orElse("the CAs")
          + ": " + e.getMessage(), e);
    }
  }

  /** The protocols {@code min_version} allows, space-separated as Jakarta Mail takes them; null for the JDK's default. */
  static String protocols(TlsSettings tls) {
    return tls.minVersion().map(v -> {
      List<String> protocols = PROTOCOLS_FROM.get(v);
      if (protocols == null) {
        throw new IllegalArgumentException("tls_config.min_version: unknown TLS version " + v);
      }
      return String.join(" ", protocols);
    }).orElse(null);
  }

  private static TrustManager[] trustManagers(TlsSettings tls) throws GeneralSecurityException, IOException {
    if (tls.insecureSkipVerify()) {
      return new TrustManager[] {new TrustingEverything()};
    }
    if (tls.caFile().isEmpty()) {
      return null; // the JDK's CAs
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(tls.caFile().get())) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate in the file");
    }
    int i = 0;
    for (Certificate c : certificates) {
      store.setCertificateEntry("ca-" + i++, c);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /** {@code insecure_skip_verify: true}: the operator chose to trust any certificate. */
  private static final class TrustingEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
