package dev.tta.alertrouter.notify.template;

/**
 * Escapes text for Telegram's HTML parse mode, which knows only the entities {@code &lt; &gt;
 * &amp; &quot;}: so an alert value cannot open a tag ({@code <a href>}, {@code <b>}) or break the
 * message (Telegram refuses a message whose markup does not parse).
 */
public final class HtmlEscaper {
  private HtmlEscaper() {}

  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
