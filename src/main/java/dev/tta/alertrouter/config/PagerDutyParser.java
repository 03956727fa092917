package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one {@code pagerduty_configs} entry. */
final class PagerDutyParser {
  private PagerDutyParser() {}

  static PagerDutyConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.allow("send_resolved", "http_config", "routing_key", "routing_key_file", "service_key", "service_key_file",
        "url", "client", "client_url", "description", "details", "images", "links", "source", "severity", "class",
        "component", "group", "webhook_signing_secret", "webhook_signing_secret_file");
    Optional<Secret> routingKey = SecretReader.read(m, "routing_key", SecretReader.WhenUnset.ABSENT);
    Optional<Secret> serviceKey = SecretReader.read(m, "service_key", SecretReader.WhenUnset.ABSENT);
    if (routingKey.isEmpty() && serviceKey.isEmpty()) {
      boolean onlyServiceKey = SecretReader.configured(m, "service_key") && !SecretReader.configured(m, "routing_key");
      scope.dryRun(localKey + (onlyServiceKey ? ".service_key" : ".routing_key"));
    }
    String url = m.has("url") ? Urls.read(m.get("url")) : null;
    return new PagerDutyConfig(
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        routingKey,
        serviceKey,
        url == null ? scope.global().pagerdutyUrl() : url,
        m.optional("client"),
        m.optional("client_url"),
        m.optional("description"),
        m.stringMap("details"),
        images(m.list("images")),
        links(m.list("links")),
        m.optional("source"),
        m.optional("severity"),
        m.optional("class"),
        m.optional("component"),
        m.optional("group"),
        v.location(),
        SecretReader.read(m, "webhook_signing_secret", SecretReader.WhenUnset.ERROR));
  }

  private static List<PagerDutyConfig.Image> images(List<Value> items) {
    List<PagerDutyConfig.Image> images = new ArrayList<>();
    for (Value item : items) {
      YamlMap i = item.mapping();
      i.allow("src", "alt", "href");
      String src = i.string("src");
      if (src == null) {
        i.missing("src", "missing src in PagerDuty image");
      } else {
        images.add(new PagerDutyConfig.Image(src, i.optional("alt"), i.optional("href")));
      }
    }
    return images;
  }

  private static List<PagerDutyConfig.Link> links(List<Value> items) {
    List<PagerDutyConfig.Link> links = new ArrayList<>();
    for (Value item : items) {
      YamlMap l = item.mapping();
      l.allow("href", "text");
      String href = l.string("href");
      if (href == null) {
        l.missing("href", "missing href in PagerDuty link");
      } else {
        links.add(new PagerDutyConfig.Link(href, l.optional("text")));
      }
    }
    return links;
  }
}
