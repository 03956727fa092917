package dev.tta.alertrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code webhook_configs} entry: Alertmanager 0.25's fields.
 *
 * @param sendResolved default true, as Alertmanager
 * @param url from {@code url} or {@code url_file}; secret because such URLs often carry tokens;
 *     absent (dry-run) only when written as an unset {@code ${ENV}}
 * @param maxAlerts at most this many alerts per message, 0 for all
 */
public record WebhookConfig(
    boolean sendResolved, HttpClientConfig httpConfig, Optional<Secret> url, long maxAlerts, SourceLocation location) {

  public WebhookConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(url, "url");
    if (maxAlerts < 0) {
      throw new IllegalArgumentException("maxAlerts must not be negative");
    }
    Objects.requireNonNull(location, "location");
  }

  public boolean dryRun() {
    return url.isEmpty();
  }
}
