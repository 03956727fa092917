package dev.tta.alertrouter.tracing;

import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.TlsSettings;
import dev.tta.alertrouter.config.TracingSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how spans are exported, from the {@code tracing:} section or the
 * {@code OTEL_EXPORTER_OTLP_*} variables: one shape for both, so the SDK is built in one place.
 *
 * @param url the full OTLP/HTTP traces URL ({@code …/v1/traces})
 * @param headers sent with every export; secrets
 * @param samplingFraction the share of new traces recorded
 * @param source where the settings came from, for the start-up log line
 */
public record ExportTarget(
    URI url, Map<String, Secret> headers, boolean gzip, Duration timeout, TlsSettings tls, double samplingFraction,
    String source) {

  public ExportTarget {
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(source, "source");
  }

  /** The configured section's target, or empty when it does not turn tracing on. */
  public static Optional<ExportTarget> of(TracingSettings settings) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    String scheme = settings.insecure() ? "http" : "https";
    return Optional.of(new ExportTarget(URI.create(scheme + "://" + settings.endpoint().get() + "/v1/traces"),
        settings.headers(), settings.gzip(), settings.timeout(), settings.tls(), settings.samplingFraction(),
        "the tracing section"));
  }

  /** For logs: the URL only, never a header. */
  public String describe() {
    return url + " (from " + source + ", sampling " + samplingFraction + ")";
  }
}
