package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Optional;

/** Reads one {@code telegram_configs} entry. */
final class TelegramParser {
  private TelegramParser() {}

  static TelegramConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.ignore("message");
    m.allow("send_resolved", "http_config", "api_url", "bot_token", "bot_token_file", "chat_id", "message_thread_id",
        "disable_notifications", "parse_mode", "templates");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, List.of("message"));
    Optional<String> parseMode = m.optional("parse_mode");
    if (parseMode.isPresent() && !parseMode.get().equals(TelegramConfig.PARSE_MODE)) {
      scope.problems().warn("receiver " + scope.receiver() + ": " + localKey + ".parse_mode \"" + parseMode.get()
          + "\" is ignored: alert-router's Telegram messages are HTML, escaped for it");
    }
    Optional<Secret> token = Optional.empty();
    if (!SecretReader.configured(m, "bot_token")) {
      m.missing("bot_token", "missing bot_token or bot_token_file on telegram_config");
    } else {
      token = SecretReader.read(m, "bot_token", SecretReader.WhenUnset.ABSENT);
      if (token.isEmpty()) {
        scope.dryRun(localKey + ".bot_token");
      }
    }
    Long chatId = m.has("chat_id") ? m.get("chat_id").integer() : null;
    if (!m.has("chat_id") || (chatId != null && chatId == 0)) {
      m.missing("chat_id", "missing chat_id on telegram_config");
    }
    Long thread = m.has("message_thread_id") ? m.get("message_thread_id").integer() : null;
    String apiUrl = m.has("api_url") ? Urls.read(m.get("api_url")) : null;
    return new TelegramConfig(
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        apiUrl == null ? scope.global().telegramApiUrl() : apiUrl,
        token,
        chatId == null ? 0 : chatId,
        Optional.ofNullable(thread).filter(t -> t != 0),
        m.bool("disable_notifications", false),
        TemplateOverridesParser.templates(m),
        v.location());
  }
}
