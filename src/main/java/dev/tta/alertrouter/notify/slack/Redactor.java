package dev.tta.alertrouter.notify.slack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps credentials out of the reasons a notifier reports: a webhook URL is a secret (its path is
 * the key), as is a bot token, and an HTTP library may quote either in an error message.
 */
final class Redactor {
  private final List<String> secrets = new ArrayList<>();

  Redactor(String... secrets) {
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        this.secrets.add(s);
        try {
          String path = URI.create(s).getRawPath();
          if (path != null && path.length() > 1) {
            this.secrets.add(path);
          }
        } catch (IllegalArgumentException e) {
          // not a URL: the whole value is redacted above
        }
      }
    }
    // Longest first, so a URL is replaced whole before its path is looked for.
    this.secrets.sort((a, b) -> b.length() - a.length());
  }

  String redact(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "<redacted>");
    }
    return out;
  }
}
