package dev.tta.alertrouter.notify.pagerduty;

import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code pagerduty_configs} entries as the config loader builds them. */
final class PagerDutyConfigs {
  static final String ROUTING_KEY = "0123456789abcdef0123456789abcdef";
  static final SourceLocation WHERE = new SourceLocation("routing-rules/alertmanager.yml", 47);

  private PagerDutyConfigs() {}

  /** A routing key, the given URL, nothing else set. */
  static PagerDutyConfig v2(URI url, String routingKey) {
    return new PagerDutyConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(routingKey)), Optional.empty(),
        url.toString(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), WHERE);
  }

  static PagerDutyConfig withSeverity(URI url, String severity) {
    return new PagerDutyConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(ROUTING_KEY)), Optional.empty(),
        url.toString(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.of(severity), Optional.empty(), Optional.empty(), Optional.empty(), WHERE);
  }

  static PagerDutyConfig withDescription(URI url, String description) {
    return new PagerDutyConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(ROUTING_KEY)), Optional.empty(),
        url.toString(), Optional.empty(), Optional.empty(), Optional.of(description), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), WHERE);
  }

  /** Only a v1 {@code service_key}. */
  static PagerDutyConfig v1(String url, String serviceKey) {
    return new PagerDutyConfig(true, HttpClientConfig.defaults(), Optional.empty(), Optional.of(new Secret(serviceKey)),
        url, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), WHERE);
  }

  /** No key at all: the loader warned, and the integration runs in dry-run. */
  static PagerDutyConfig unset(URI url) {
    return new PagerDutyConfig(true, HttpClientConfig.defaults(), Optional.empty(), Optional.empty(),
        url.toString(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), WHERE);
  }
}
