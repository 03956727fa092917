package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Applies a {@code tls_config} to an outgoing client. Supported: {@code ca_file} (which, as in
 * Prometheus, replaces the system's trusted roots) and {@code min_version}. Refused, with a message
 * naming the setting, rather than silently ignored: {@code cert_file}/{@code key_file} (client
 * certificates), {@code server_name} and {@code insecure_skip_verify}.
 */
final class TlsContexts {
  private static final Map<String, String> PROTOCOLS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  private TlsContexts() {}

  static void configure(TlsSettings tls, HttpClient.Builder builder) {
    if (tls.certFile().isPresent()) {
      throw new IllegalArgumentException("tls_config.cert_file/key_file (client certificates) are not supported");
    }
    if (tls.serverName().isPresent()) {
      throw new IllegalArgumentException("tls_config.server_name is not supported");
    }
    if (tls.insecureSkipVerify()) {
      throw new IllegalArgumentException("tls_config.insecure_skip_verify is not supported: use ca_file");
    }
    if (tls.caFile().isPresent()) {
      builder.sslContext(trusting(tls.caFile().get()));
    }
    tls.minVersion().ifPresent(min -> builder.sslParameters(fromVersion(min)));
  }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("tls_config.ca_file " + caFile + " holds no certificate");
      }
      KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
      roots.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        roots.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(roots);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("tls_config.ca_file " + caFile + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static SSLParameters fromVersion(String minVersion) {
    int from = ORDER.indexOf(minVersion);
    if (from < 0) {
      throw new IllegalArgumentException("tls_config.min_version must be one of " + ORDER + ": " + minVersion);
    }
    List<String> protocols = new ArrayList<>();
    for (String version : ORDER.subList(from, ORDER.size())) {
      protocols.add(PROTOCOLS.get(version));
    }
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(protocols.toArray(String[]::new));
    return parameters;
  }
}
