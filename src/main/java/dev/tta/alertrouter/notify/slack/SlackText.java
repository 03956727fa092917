package dev.tta.alertrouter.notify.slack;

/** Fits text into Slack's limits without breaking an entity ({@code &amp;}) or a link ({@code <url|text>}). */
final class SlackText {
  /** A header block's text. */
  static final int HEADER = 150;
  /** A section block's text. */
  static final int SECTION = 3000;
  /** A section field's text. */
  static final int FIELD = 2000;
  /** A button's label. */
  static final int BUTTON = 75;
  /** The top-level text: Slack truncates beyond 40,000, notifications show far less. */
  static final int MESSAGE = 4000;

  private SlackText() {}

  static String fit(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1; // room for the ellipsis
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    String cut = text.substring(0, end);
    int amp = cut.lastIndexOf('&');
    if (amp >= 0 && cut.indexOf(';', amp) < 0) {
      cut = cut.substring(0, amp);
    }
    // Only a template writes a raw '<' (values are escaped): an unclosed one is a link cut in half.
    int open = cut.lastIndexOf('<');
    if (open >= 0 && cut.indexOf('>', open) < 0) {
      cut = cut.substring(0, open);
    }
    return cut + "…";
  }
}
