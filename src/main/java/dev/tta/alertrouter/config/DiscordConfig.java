package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code discord_configs} entry: Alertmanager's fields. {@code title}, {@code message} and
 * {@code content} hold Go templates in Alertmanager; alert-router warns about them and renders its
 * own templates ({@code templates:} {@code title}, {@code message}, {@code content}).
 *
 * @param sendResolved default true, as Alertmanager
 * @param webhookUrl {@code webhook_url} or {@code webhook_url_file}; secret (it holds the webhook's token)
 * @param username overrides the webhook's name, when set
 * @param avatarUrl overrides the webhook's avatar, when set
 */
public record DiscordConfig(
    boolean sendResolved,
    HttpClientConfig httpConfig,
    Optional<Secret> webhookUrl,
    Optional<String> username,
    Optional<String> avatarUrl,
    Map<String, TemplateSource> templates,
    SourceLocation location) {

  public static final String TYPE = "discord";

  public DiscordConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(avatarUrl, "avatarUrl");
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(location, "location");
  }

  public boolean dryRun() {
    return webhookUrl.isEmpty();
  }
}
