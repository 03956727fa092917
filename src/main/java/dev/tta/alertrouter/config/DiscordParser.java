package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Optional;

/** Reads one {@code discord_configs} entry. */
final class DiscordParser {
  private static final List<String> GO_TEMPLATE_FIELDS = List.of("title", "message", "content");

  private DiscordParser() {}

  static DiscordConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.ignore(GO_TEMPLATE_FIELDS.toArray(String[]::new));
    m.allow("send_resolved", "http_config", "webhook_url", "webhook_url_file", "username", "avatar_url", "templates");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, GO_TEMPLATE_FIELDS);
    Optional<String> avatar = Optional.empty();
    if (m.has("avatar_url")) {
      avatar = Optional.ofNullable(Urls.read(m.get("avatar_url")));
    }
    return new DiscordConfig(
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        MSTeamsParser.webhookUrl(m, localKey, scope),
        m.optional("username").filter(u -> !u.isEmpty()),
        avatar,
        TemplateOverridesParser.templates(m),
        v.location());
  }
}
