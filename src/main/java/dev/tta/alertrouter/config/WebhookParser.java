package dev.tta.alertrouter.config;

import java.util.Optional;

/** Reads one {@code webhook_configs} entry. */
final class WebhookParser {
  private WebhookParser() {}

  static WebhookConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.allow("send_resolved", "http_config", "url", "url_file", "max_alerts");
    Optional<Secret> url = Optional.empty();
    if (!SecretReader.configured(m, "url")) {
      m.missing("url", "one of url or url_file must be configured");
    } else {
      url = SecretReader.readUrl(m, "url", SecretReader.WhenUnset.ABSENT);
      if (url.isEmpty()) {
        scope.dryRun(localKey + ".url");
      }
    }
    Long maxAlerts = m.has("max_alerts") ? m.get("max_alerts").nonNegativeInteger() : null;
    return new WebhookConfig(
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        url,
        maxAlerts == null ? 0 : maxAlerts,
        v.location());
  }
}
