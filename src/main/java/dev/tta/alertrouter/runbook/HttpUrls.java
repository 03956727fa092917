package dev.tta.alertrouter.runbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one test of "is this a link we may hand to a person": an absolute http(s) URL with a host. */
final class HttpUrls {
  private HttpUrls() {}

  static boolean isHttpUrl(String candidate) {
    if (candidate == null || candidate.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(candidate.strip());
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
