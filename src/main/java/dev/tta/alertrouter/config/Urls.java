package dev.tta.alertrouter.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks URLs as Alertmanager's {@code parseURL} does: http or https, with a host. */
final class Urls {
  private Urls() {}

  /** Why {@code text} is not a usable URL, or null when it is. Never quotes the text: it may be a secret. */
  static String problem(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return "not a valid URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      return "unsupported scheme for URL (want http or https)";
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      return "missing host for URL";
    }
    return null;
  }

  /** The URL text of a non-secret value, or null (reported) when it is not a URL. */
  static String read(Value v) {
    String text = v.text();
    if (text == null) {
      return null;
    }
    String problem = problem(text);
    if (problem != null) {
      v.error(problem + ": \"" + text + "\"");
      return null;
    }
    return text.strip();
  }
}
