package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code tracing:} section, in the format of Prometheus' own configuration file. Tracing is on
 * when {@code endpoint} is set (Prometheus: "if empty, tracing is disabled").
 *
 * @param endpoint {@code host:port} of an OTLP/HTTP receiver, without scheme or path
 * @param samplingFraction the share of new traces recorded, 0 to 1 (a sampled incoming
 *     {@code traceparent} is always followed)
 * @param insecure plain HTTP instead of HTTPS
 * @param headers sent with every export (often an API key), so each value is a secret
 * @param gzip {@code compression: gzip}
 */
public record TracingSettings(
    Optional<String> endpoint,
    double samplingFraction,
    boolean insecure,
    Map<String, Secret> headers,
    boolean gzip,
    Duration timeout,
    TlsSettings tls) {

  /** Prometheus' default export timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public TracingSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    if (samplingFraction < 0 || samplingFraction > 1 || Double.isNaN(samplingFraction)) {
      throw new IllegalArgumentException("sampling_fraction must be within 0 and 1: " + samplingFraction);
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
  }

  /** No {@code tracing:} section. */
  public static TracingSettings off() {
    return new TracingSettings(Optional.empty(), 0, false, Map.of(), false, DEFAULT_TIMEOUT, TlsSettings.defaults());
  }

  public boolean enabled() {
    return endpoint.isPresent();
  }
}
