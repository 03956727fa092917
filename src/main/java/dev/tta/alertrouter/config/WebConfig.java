package dev.tta.alertrouter.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The web configuration file ({@code --web.config.file}) in the format of Prometheus'
 * exporter-toolkit, as Prometheus and Alertmanager read it.
 *
 * @param tls serve HTTPS with these settings; empty for plain HTTP
 * @param headers added to every response
 * @param users user name → bcrypt hash ({@code basic_auth_users}); the hashes never reach a log
 */
public record WebConfig(Optional<TlsServerSettings> tls, Map<String, String> headers, Map<String, Secret> users) {
  public WebConfig {
    Objects.requireNonNull(tls, "tls");
    headers = Map.copyOf(headers);
    users = Map.copyOf(users);
  }

  /** No web config: plain HTTP, no extra headers, no users. */
  public static WebConfig none() {
    return new WebConfig(Optional.empty(), Map.of(), Map.of());
  }
}
