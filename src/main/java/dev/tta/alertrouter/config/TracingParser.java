package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code tracing:} as Prometheus writes it ({@code client_type}, {@code endpoint},
 * {@code sampling_fraction}, {@code insecure}, {@code headers}, {@code compression}, {@code timeout},
 * {@code tls_config}). alert-router exports over OTLP/HTTP only: the gRPC client would bring a
 * second HTTP stack (OkHttp 5 or Netty) that clashes with the Slack client's.
 */
final class TracingParser {
  private static final Pattern HOST_PORT = Pattern.compile("^[^/\\s:]+:[0-9]{1,5}$|^\\[[0-9a-fA-F:.]+\\]:[0-9]{1,5}$");

  private TracingParser() {}

  static TracingSettings parse(YamlMap m) {
    if (m.isEmpty()) {
      return TracingSettings.off();
    }
    m.allow("client_type", "endpoint", "sampling_fraction", "insecure", "headers", "compression", "timeout",
        "tls_config");
    String clientType = m.string("client_type", "http");
    if (!clientType.equals("http")) {
      m.get("client_type").error(clientType.equals("grpc")
          ? "client_type grpc is not supported by alert-router: use client_type: http (OTLP/HTTP, port 4318 of an"
              + " OpenTelemetry Collector, Jaeger or Tempo)"
          : "unknown client_type \"" + clientType + "\" (want http)");
    }
    Optional<String> endpoint = m.optional("endpoint").filter(e -> !e.isBlank());
    if (endpoint.isPresent() && !HOST_PORT.matcher(endpoint.get()).matches()) {
      m.get("endpoint").error("expected host:port without scheme or path, as Prometheus takes it (e.g."
          + " otel-collector:4318), found \"" + endpoint.get() + "\"");
      endpoint = Optional.empty();
    }
    double fraction = fraction(m);
    Map<String, Secret> headers = new LinkedHashMap<>();
    m.stringMap("headers").forEach((name, value) -> headers.put(name, new Secret(value)));
    String compression = m.string("compression", "");
    if (!compression.isEmpty() && !compression.equals("gzip")) {
      m.get("compression").error("unknown compression \"" + compression + "\" (want gzip, or leave it out)");
    }
    Duration timeout = m.duration("timeout");
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      m.get("timeout").error("must be positive");
      timeout = null;
    }
    TlsSettings tls = TlsSettings.defaults();
    if (m.has("tls_config")) {
      YamlMap t = m.get("tls_config").mapping();
      // The OTLP exporter takes a CA and a client certificate; it has no switch for these.
      t.reject("is not supported for tracing (use ca_file, cert_file and key_file)", "insecure_skip_verify",
          "server_name", "min_version");
      tls = HttpConfigParser.tls(m.get("tls_config"));
    }
    return new TracingSettings(endpoint, fraction, m.bool("insecure", false), headers, compression.equals("gzip"),
        timeout == null ? TracingSettings.DEFAULT_TIMEOUT : timeout, tls);
  }

  private static double fraction(YamlMap m) {
    Value v = m.get("sampling_fraction");
    String text = v == null ? null : v.text();
    if (text == null) {
      return 0;
    }
    try {
      double d = Double.parseDouble(text.trim());
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    v.error("expected a number within 0 and 1, found \"" + text + "\"");
    return 0;
  }
}
