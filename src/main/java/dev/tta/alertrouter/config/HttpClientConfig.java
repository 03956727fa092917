package dev.tta.alertrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of Prometheus' {@code http_config} alert-router uses for outgoing calls.
 *
 * @param auth {@code authorization} (Bearer), {@code bearer_token(_file)} or {@code basic_auth}
 * @param proxyUrl {@code proxy_url}
 * @param tls {@code tls_config}
 * @param followRedirects {@code follow_redirects} (default true)
 * @param enableHttp2 {@code enable_http2} (default true)
 */
public record HttpClientConfig(
    Optional<HttpAuth> auth,
    Optional<String> proxyUrl,
    TlsSettings tls,
    boolean followRedirects,
    boolean enableHttp2) {

  public HttpClientConfig {
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(proxyUrl, "proxyUrl");
    Objects.requireNonNull(tls, "tls");
  }

  public static HttpClientConfig defaults() {
    return new HttpClientConfig(Optional.empty(), Optional.empty(), TlsSettings.defaults(), true, true);
  }
}
