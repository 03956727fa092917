package dev.tta.alertrouter.notify.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.config.TelegramConfig;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.util.Objects;

/**
 * Builds a Bot API {@code sendMessage} request: the {@code message} template's HTML as {@code
 * text}, {@code parse_mode} HTML, the chat, the forum topic when set, silent when {@code
 * disable_notifications}, without link previews.
 */
final class TelegramMessage {
  /** Telegram refuses longer texts. */
  static final int MAX_TEXT_CHARS = 4096;

  private final ObjectMapper json;
  private final TelegramConfig config;
  private final MessageTemplates templates;

  TelegramMessage(ObjectMapper json, TelegramConfig config, MessageTemplates templates) {
    this.json = Objects.requireNonNull(json, "json");
    this.config = Objects.requireNonNull(config, "config");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  ObjectNode of(MessageModel model) {
    ObjectNode request = json.createObjectNode();
    request.put("chat_id", config.chatId());
    config.messageThreadId().ifPresent(id -> request.put("message_thread_id", id));
    request.put("text", cut(templates.render("message", model).strip()));
    request.put("parse_mode", TelegramConfig.PARSE_MODE);
    request.put("disable_notification", config.disableNotifications());
    request.putObject("link_preview_options").put("is_disabled", true);
    return request;
  }

  /**
   * A text over Telegram's limit is cut at the last line break that fits, with an ellipsis line:
   * the default template opens and closes every tag on one line, so the markup stays whole.
   */
  static String cut(String text) {
    if (text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    String ending = "\n…";
    int limit = MAX_TEXT_CHARS - ending.length();
    int lineEnd = text.lastIndexOf('\n', limit);
    int end = lineEnd > 0 ? lineEnd : limit;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ending;
  }
}
