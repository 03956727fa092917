package dev.tta.alertrouter.notify.template;

/**
 * Escapes alert text for the Markdown of Microsoft Teams cards and Discord embeds: a backslash
 * before every character that could start emphasis, code, a link, a quote or a table ({@code \ * _
 * ~ ` | [ ] ( ) < >}), and before {@code #}, {@code -} and {@code +} that begin a line (a heading or
 * a list). So an alert can neither format the message nor forge a link {@code [click](https://evil)}.
 * {@link #discord} also breaks {@code @everyone} and {@code @here} (besides the payload's empty
 * {@code allowed_mentions}, which already stops any ping).
 */
public final class MarkdownEscaper {
  private static final String ALWAYS = "\\*_~`|[]()<>";
  private static final String LINE_START = "#-+";
  private static final char ZERO_WIDTH_SPACE = '\u200b';

  private MarkdownEscaper() {}

  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ALWAYS.indexOf(c) >= 0 || (lineStart && LINE_START.indexOf(c) >= 0)) {
        sb.append('\\');
      }
      sb.append(c);
      if (c == '\n' || c == '\r') {
        lineStart = true;
      } else if (c != ' ' && c != '\t') {
        lineStart = false;
      }
    }
    return sb.toString();
  }

  /** {@link #escape}, and {@code @everyone}/{@code @here} broken with a zero-width space. */
  public static String discord(String text) {
    String escaped = escape(text);
    if (escaped.indexOf('@') < 0) {
      return escaped;
    }
    return escaped.replace("@everyone", "@" + ZERO_WIDTH_SPACE + "everyone")
        .replace("@here", "@" + ZERO_WIDTH_SPACE + "here");
  }
}
