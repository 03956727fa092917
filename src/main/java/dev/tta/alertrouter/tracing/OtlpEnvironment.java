package dev.tta.alertrouter.tracing;

import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.TlsSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The standard OpenTelemetry exporter variables, for deployments that set them for every service
 * (the OpenTelemetry Operator does): {@code OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT}, {@code _HEADERS},
 * {@code _PROTOCOL} (http/protobuf only), {@code _TIMEOUT} (ms), {@code _COMPRESSION},
 * {@code _CERTIFICATE}, {@code OTEL_TRACES_SAMPLER}/{@code OTEL_TRACES_SAMPLER_ARG} and
 * {@code OTEL_SDK_DISABLED}. Read by hand rather than through the SDK's autoconfigure module, which
 * would also install global state and exporters alert-router does not ship.
 */
public final class OtlpEnvironment {
  private final Map<String, String> environment;

  public OtlpEnvironment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * @return the target the variables describe, or empty when no endpoint is set
   * @throws IllegalArgumentException naming the variable that alert-router cannot honour
   */
  public Optional<ExportTarget> target() {
    if ("true".equalsIgnoreCase(get("OTEL_SDK_DISABLED"))) {
      return Optional.empty();
    }
    String url = get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    if (url == null) {
      String base = get("OTEL_EXPORTER_OTLP_ENDPOINT");
      if (base == null) {
        return Optional.empty();
      }
      url = base.endsWith("/") ? base + "v1/traces" : base + "/v1/traces";
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_ENDPOINT is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_ENDPOINT: expected an http:// or https:// URL");
    }
    String protocol = signal("PROTOCOL");
    if (protocol != null && !protocol.equals("http/protobuf")) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL " + protocol
          + " is not supported by alert-router: use http/protobuf (port 4318)");
    }
    String compression = signal("COMPRESSION");
    if (compression != null && !compression.equals("gzip") && !compression.equals("none")) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_COMPRESSION: want gzip or none, found " + compression);
    }
    return Optional.of(new ExportTarget(uri, headers(), "gzip".equals(compression), timeout(), tls(), fraction(),
        "the OTEL_EXPORTER_OTLP_* variables"));
  }

  private String get(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The traces-specific variable, else the general one. */
  private String signal(String suffix) {
    String specific = get("OTEL_EXPORTER_OTLP_TRACES_" + suffix);
    return specific != null ? specific : get("OTEL_EXPORTER_OTLP_" + suffix);
  }

  /** {@code key1=value1,key2=value2}, values URL-encoded, as the specification writes them. */
  private Map<String, Secret> headers() {
    Map<String, Secret> headers = new LinkedHashMap<>();
    String list = signal("HEADERS");
    if (list == null) {
      return headers;
    }
    for (String pair : list.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        // The value may be a credential: name the variable, never echo the text.
        throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_HEADERS: expected key=value pairs separated by commas");
      }
      headers.put(pair.substring(0, eq).trim(),
          new Secret(URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8)));
    }
    return headers;
  }

  private Duration timeout() {
    String ms = signal("TIMEOUT");
    if (ms == null) {
      return Duration.ofSeconds(10);
    }
    try {
      long millis = Long.parseLong(ms);
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_TIMEOUT: expected a positive number of milliseconds, found "
        + ms);
  }

  private TlsSettings tls() {
    String ca = signal("CERTIFICATE");
    if (ca == null) {
      return TlsSettings.defaults();
    }
    Path path = Path.of(ca);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_CERTIFICATE: cannot read file " + path);
    }
    return new TlsSettings(Optional.of(path), Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty());
  }

  /** The specification's default sampler is parentbased_always_on: every new trace is recorded. */
  private double fraction() {
    String sampler = get("OTEL_TRACES_SAMPLER");
    String arg = get("OTEL_TRACES_SAMPLER_ARG");
    if (sampler == null) {
      return 1;
    }
    return switch (sampler.toLowerCase(Locale.ROOT)) {
      case "always_on", "parentbased_always_on" -> 1;
      case "always_off", "parentbased_always_off" -> 0;
      case "traceidratio", "parentbased_traceidratio" -> ratio(arg);
      default -> throw new IllegalArgumentException("OTEL_TRACES_SAMPLER " + sampler
          + " is not supported by alert-router: want parentbased_traceidratio, parentbased_always_on or"
          + " parentbased_always_off");
    };
  }

  private static double ratio(String arg) {
    if (arg == null) {
      return 1;
    }
    try {
      double d = Double.parseDouble(arg);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("OTEL_TRACES_SAMPLER_ARG: expected a number within 0 and 1, found " + arg);
  }
}
