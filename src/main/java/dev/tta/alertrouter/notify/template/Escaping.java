package dev.tta.alertrouter.notify.template;

/** How the values a template prints are escaped, by where its output goes. */
enum Escaping {
  /** Slack mrkdwn: {@code & < >} become entities, so an alert can neither ping nor link. */
  SLACK_MRKDWN,
  /** Microsoft Teams card text: Markdown specials backslash-escaped ({@link MarkdownEscaper}). */
  TEAMS_MARKDOWN,
  /** Discord embeds and content: Markdown escaped, {@code @everyone}/{@code @here} broken. */
  DISCORD_MARKDOWN,
  /** Telegram's HTML parse mode: {@code & < > "} as entities ({@link HtmlEscaper}). */
  TELEGRAM_HTML,
  /** An HTML email body: Pebble's HTML escaping. */
  HTML,
  /** A plain-text body: printed as written. */
  PLAIN,
  /** A header such as the subject: as written, with line breaks folded to spaces so nothing can add a header. */
  HEADER;

  /** One line, whatever the template printed: CR, LF and the other line breaks become single spaces. */
  static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
  }
}
