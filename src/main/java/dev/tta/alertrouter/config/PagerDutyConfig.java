package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code pagerduty_configs} entry: Alertmanager 0.25's fields. Text fields are empty when not
 * set (alert-router does not use Go templates; the notifier has its own defaults).
 *
 * @param sendResolved default true, as Alertmanager
 * @param routingKey Events API v2 key ({@code routing_key} or {@code routing_key_file})
 * @param serviceKey Events API v1 key ({@code service_key} or {@code service_key_file})
 * @param url events endpoint, default the global {@code pagerduty_url}
 * @param eventClass the {@code class} field
 * @param webhookSigningSecret the secret of the PagerDuty v3 webhook subscription that reports this
 *     integration's incidents back ({@code webhook_signing_secret} or {@code webhook_signing_secret_file})
 */
public record PagerDutyConfig(
    boolean sendResolved,
    HttpClientConfig httpConfig,
    Optional<Secret> routingKey,
    Optional<Secret> serviceKey,
    String url,
    Optional<String> client,
    Optional<String> clientUrl,
    Optional<String> description,
    Map<String, String> details,
    List<Image> images,
    List<Link> links,
    Optional<String> source,
    Optional<String> severity,
    Optional<String> eventClass,
    Optional<String> component,
    Optional<String> group,
    SourceLocation location,
    Optional<Secret> webhookSigningSecret) {

  public PagerDutyConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(routingKey, "routingKey");
    Objects.requireNonNull(serviceKey, "serviceKey");
    Objects.requireNonNull(url, "url");
    details = Map.copyOf(details);
    images = List.copyOf(images);
    links = List.copyOf(links);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(webhookSigningSecret, "webhookSigningSecret");
  }

  /** Without a webhook signing secret. */
  public PagerDutyConfig(boolean sendResolved, HttpClientConfig httpConfig, Optional<Secret> routingKey,
      Optional<Secret> serviceKey, String url, Optional<String> client, Optional<String> clientUrl,
      Optional<String> description, Map<String, String> details, List<Image> images, List<Link> links,
      Optional<String> source, Optional<String> severity, Optional<String> eventClass, Optional<String> component,
      Optional<String> group, SourceLocation location) {
    this(sendResolved, httpConfig, routingKey, serviceKey, url, client, clientUrl, description, details, images, links,
        source, severity, eventClass, component, group, location, Optional.empty());
  }

  /** True when there is no key to send with: the notifier only logs what it would send. */
  public boolean dryRun() {
    return routingKey.isEmpty() && serviceKey.isEmpty();
  }

  public record Image(String src, Optional<String> alt, Optional<String> href) {
    public Image {
      Objects.requireNonNull(src, "src");
    }
  }

  public record Link(String href, Optional<String> text) {
    public Link {
      Objects.requireNonNull(href, "href");
    }
  }
}
