package dev.tta.alertrouter.notify.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A kind of message and the templates it is made of, each with how its output is escaped. */
public enum MessageKind {
  /** Slack: the header ({@code title}), the body ({@code text}) and the notification text ({@code fallback}). */
  SLACK("slack", Map.entry("title", Escaping.SLACK_MRKDWN), Map.entry("text", Escaping.SLACK_MRKDWN),
      Map.entry("fallback", Escaping.SLACK_MRKDWN)),
  /** Email: {@code subject}, plain {@code text} and {@code html} bodies. */
  EMAIL("email", Map.entry("subject", Escaping.HEADER), Map.entry("text", Escaping.PLAIN),
      Map.entry("html", Escaping.HTML)),
  /** Microsoft Teams (both kinds): the card's heading ({@code title}, Markdown, folded to one line) and body ({@code text}, Markdown). */
  MSTEAMS("msteams", Map.entry("title", Escaping.TEAMS_MARKDOWN), Map.entry("text", Escaping.TEAMS_MARKDOWN)),
  /** Opsgenie: the alert's {@code message} (one line, 130 characters) and {@code description} (plain text). */
  OPSGENIE("opsgenie", Map.entry("message", Escaping.HEADER), Map.entry("description", Escaping.PLAIN)),
  /**
   * Discord: the embed's {@code title} (one line, plain) and {@code message} (its description,
   * Markdown), and the message {@code content} above the embed (Markdown; empty by default).
   */
  DISCORD("discord", Map.entry("title", Escaping.HEADER), Map.entry("message", Escaping.DISCORD_MARKDOWN),
      Map.entry("content", Escaping.DISCORD_MARKDOWN)),
  /** Telegram: the {@code message}, in Telegram's HTML. */
  TELEGRAM("telegram", Map.entry("message", Escaping.TELEGRAM_HTML));

  private final String directory;
  private final Map<String, Escaping> templates = new LinkedHashMap<>();

  @SafeVarargs
  MessageKind(String directory, Map.Entry<String, Escaping>... templates) {
    this.directory = directory;
    for (Map.Entry<String, Escaping> t : templates) {
      this.templates.put(t.getKey(), t.getValue());
    }
  }

  /** The names a {@code templates:} mapping may hold for this kind. */
  public Set<String> templateNames() {
    return Collections.unmodifiableSet(templates.keySet());
  }

  Escaping escaping(String name) {
    Escaping e = templates.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no " + directory + " template named " + name);
    }
    return e;
  }

  /** Where the default template is shipped: {@code templates/slack/title.peb}. */
  String resource(String name) {
    escaping(name);
    return "templates/" + directory + "/" + name + ".peb";
  }
}
