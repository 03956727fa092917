package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tls_server_config}, with the certificate, key and client CAs already read (a file that
 * cannot be read is a load error, not a failure at the first handshake).
 *
 * @param certFile the PEM certificate chain
 * @param keyFile the PEM private key
 * @param keyStore the chain and key, in memory, under {@link #KEY_STORE_PASSWORD}
 * @param clientCas the certificates of {@code client_ca_file}, empty when none
 * @param clientAuth whether and how a client certificate is asked for and verified
 * @param protocols the Java names of the TLS versions allowed, e.g. {@code TLSv1.2}
 * @param cipherSuites Java names of the suites allowed; empty for the JVM's defaults
 */
public record TlsServerSettings(
    Path certFile, Path keyFile, KeyStore keyStore, Optional<KeyStore> clientCas, ClientAuth clientAuth,
    List<String> protocols, List<String> cipherSuites) {
  /** The password of the in-memory key store; it protects nothing, the store never leaves the process. */
  public static final String KEY_STORE_PASSWORD = "in-memory";

  public TlsServerSettings {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(clientCas, "clientCas");
    Objects.requireNonNull(clientAuth, "clientAuth");
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
  }

  /** Go's {@code tls.ClientAuthType}, by its exporter-toolkit name. */
  public enum ClientAuth {
    NO_CLIENT_CERT("NoClientCert", false, false, false),
    REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", false, true, false),
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", false, true, true);

    private final String goName;
    private final boolean want;
    private final boolean need;
    private final boolean verify;

    ClientAuth(String goName, boolean want, boolean need, boolean verify) {
      this.goName = goName;
      this.want = want;
      this.need = need;
      this.verify = verify;
    }

    public String goName() {
      return goName;
    }

    /** Asks for a certificate but goes on without one. */
    public boolean wants() {
      return want;
    }

    /** Refuses the handshake without a certificate. */
    public boolean needs() {
      return need;
    }

    /** Checks a given certificate against the client CAs; otherwise any certificate is taken. */
    public boolean verifies() {
      return verify;
    }

    static Optional<ClientAuth> parse(String name) {
      if (name.equals("RequireClientCert")) {
        return Optional.of(REQUIRE_ANY_CLIENT_CERT); // exporter-toolkit keeps this old name working
      }
      for (ClientAuth c : values()) {
        if (c.goName.equals(name)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }
}
