package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code telegram_configs} entry: Alertmanager's fields. Messages go through the Bot API's
 * {@code sendMessage} with {@code parse_mode} HTML (alert-router's templates escape for HTML, so
 * another {@code parse_mode} is warned about and HTML is used). Alertmanager's {@code message} is a
 * Go template; alert-router warns about it and renders its own ({@code templates: message}).
 *
 * @param sendResolved default true, as Alertmanager
 * @param apiUrl default the global {@code telegram_api_url}, {@value GlobalConfig#DEFAULT_TELEGRAM_API_URL}
 * @param botToken {@code bot_token} or {@code bot_token_file}; secret (it is part of the request path)
 * @param chatId the chat to post to (negative for groups and channels)
 * @param messageThreadId the forum topic to post to, when set
 * @param disableNotifications sends silently (Telegram's {@code disable_notification})
 */
public record TelegramConfig(
    boolean sendResolved,
    HttpClientConfig httpConfig,
    String apiUrl,
    Optional<Secret> botToken,
    long chatId,
    Optional<Long> messageThreadId,
    boolean disableNotifications,
    Map<String, TemplateSource> templates,
    SourceLocation location) {

  public static final String TYPE = "telegram";
  public static final String PARSE_MODE = "HTML";

  public TelegramConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(messageThreadId, "messageThreadId");
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(location, "location");
  }

  public boolean dryRun() {
    return botToken.isEmpty();
  }
}
