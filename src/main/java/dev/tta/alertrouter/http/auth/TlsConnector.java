package dev.tta.alertrouter.http.auth;

import dev.tta.alertrouter.config.TlsServerSettings;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS connector of {@code tls_server_config}: Go's client auth types mapped onto Jetty's want
 * and need flags and a trust store (or trust in any certificate, for the two types that do not
 * verify), the TLS versions and cipher suites. {@link #reload} swaps certificate, key and client CAs
 * without dropping the listener.
 */
public final class TlsConnector {
  private static final Logger LOG = LoggerFactory.getLogger(TlsConnector.class);

  private final Factory factory = new Factory();

  /** Trusts any client certificate for the client auth types that do not verify (Jetty would verify against the key store). */
  private static final class Factory extends SslContextFactory.Server {
    private volatile boolean anyClientCertificate;

    @Override
    protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) throws Exception {
      return anyClientCertificate ? SslContextFactory.TRUST_ALL_CERTS : super.getTrustManagers(trustStore, crls);
    }
  }

  public TlsConnector(TlsServerSettings tls) {
    configure(factory, Objects.requireNonNull(tls, "tls"));
  }

  /** A connector on {@code host:port} serving HTTPS with {@code http}'s settings. */
  public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Go does not compare SNI with the certificate; neither do we (clients dial by address).
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(factory, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /** Takes the reloaded settings' certificate, key, client CAs, client auth, versions and suites. */
  public void reload(TlsServerSettings tls) {
    try {
      factory.reload(f -> configure((Factory) f, tls));
      LOG.info("TLS certificate and settings reloaded from {}", tls.certFile());
    } catch (Exception e) {
      LOG.error("TLS reload failed; the previous certificate stays in use: {}", e.getMessage());
    }
  }

  private static void configure(Factory f, TlsServerSettings tls) {
    f.setKeyStore(tls.keyStore());
    f.setKeyStorePassword(TlsServerSettings.KEY_STORE_PASSWORD);
    f.setKeyManagerPassword(TlsServerSettings.KEY_STORE_PASSWORD);
    TlsServerSettings.ClientAuth auth = tls.clientAuth();
    f.setNeedClientAuth(auth.needs());
    f.setWantClientAuth(auth.wants());
    f.anyClientCertificate = !auth.verifies();
    f.setTrustStore(auth.verifies() ? tls.clientCas().orElseThrow() : null);
    f.setIncludeProtocols(tls.protocols().toArray(new String[0]));
    f.setExcludeProtocols();
    if (!tls.cipherSuites().isEmpty()) {
      f.setIncludeCipherSuites(tls.cipherSuites().toArray(new String[0]));
      f.setExcludeCipherSuites();
    }
    f.setUseCipherSuitesOrder(true);
    f.setEndpointIdentificationAlgorithm(null);
  }
}
