package dev.tta.alertrouter.notify.template;

/**
 * Escapes text for Slack's mrkdwn, as Slack asks: only {@code &}, {@code <} and {@code >}. Those
 * three are all an alert needs to ping {@code <!channel>}, mention {@code <@U123>} or forge a link
 * {@code <https://evil|click>}; everything else Slack shows as written.
 */
public final class MrkdwnEscaper {
  private MrkdwnEscaper() {}

  public static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      String entity = switch (text.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> null;
      };
      if (entity != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (entity != null) {
          sb.append(entity);
        } else {
          sb.append(text.charAt(i));
        }
      }
    }
    return sb == null ? text : sb.toString();
  }
}
