package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Go's names of TLS versions and cipher suites (crypto/tls), as exporter-toolkit reads them, mapped to Java's. */
final class GoTlsNames {
  private static final Map<String, String> VERSIONS = Map.of(
      "TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  /** The order of the versions, oldest first, to expand a min..max range. */
  static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  private static final Map<String, String> SUITES = Map.ofEntries(
      same("TLS_AES_128_GCM_SHA256"),
      same("TLS_AES_256_GCM_SHA384"),
      same("TLS_CHACHA20_POLY1305_SHA256"),
      same("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
      same("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
      same("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
      same("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
      same("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
      same("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
      same("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
      same("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
      same("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
      same("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
      // Go's insecure suites: accepted as Go accepts them; the JVM may have them disabled.
      Map.entry("TLS_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_SHA"),
      Map.entry("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
      same("TLS_RSA_WITH_AES_128_CBC_SHA"),
      same("TLS_RSA_WITH_AES_256_CBC_SHA"),
      same("TLS_RSA_WITH_AES_128_CBC_SHA256"),
      same("TLS_RSA_WITH_AES_128_GCM_SHA256"),
      same("TLS_RSA_WITH_AES_256_GCM_SHA384"),
      same("TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"),
      same("TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
      same("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
      same("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
      same("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"));

  /** TLS 1.3's suites: Go does not let them be configured, so they stay on whatever cipher_suites says. */
  static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  static final List<String> CURVES = List.of("CurveP256", "CurveP384", "CurveP521", "X25519");

  private GoTlsNames() {}

  static Optional<String> javaVersion(String goName) {
    return Optional.ofNullable(VERSIONS.get(goName));
  }

  static Optional<String> javaSuite(String goName) {
    return Optional.ofNullable(SUITES.get(goName));
  }

  private static Map.Entry<String, String> same(String name) {
    return Map.entry(name, name);
  }
}
