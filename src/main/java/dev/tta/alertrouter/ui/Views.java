package dev.tta.alertrouter.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Small formatting rules shared by the pages. */
final class Views {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private Views() {}

  /** {@code 45s}, {@code 12m}, {@code 3h 5m}, {@code 2d 4h}. */
  static String age(Duration d) {
    if (d.isNegative()) {
      return "in " + age(d.negated());
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m";
    }
    if (s < 86_400) {
      return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
  }

  /** A configured duration as the configuration writes it: {@code 0s}, {@code 10s}, {@code 5m}, {@code 1h30m}, {@code 2d}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    String[] names = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        out.append(ms / units[i]).append(names[i]);
        ms %= units[i];
      }
    }
    return out.toString();
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code value} for a query string. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The link if it is safe to put in an {@code href}: absolute http(s), or a path on this server.
   * Anything else ({@code javascript:}, {@code data:}) from an annotation becomes null, shown as text.
   */
  static String safeLink(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    if (u.startsWith("/") && !u.startsWith("//")) {
      return u;
    }
    try {
      URI uri = URI.create(u);
      String scheme = uri.getScheme();
      if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
