package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Prometheus' {@code tls_config}; the files were readable when the configuration was loaded.
 *
 * @param minVersion e.g. {@code TLS12}
 */
public record TlsSettings(
    Optional<Path> caFile,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Optional<String> serverName,
    boolean insecureSkipVerify,
    Optional<String> minVersion) {

  public TlsSettings {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(minVersion, "minVersion");
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException("cert_file and key_file go together");
    }
  }

  public static TlsSettings defaults() {
    return new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
  }
}
