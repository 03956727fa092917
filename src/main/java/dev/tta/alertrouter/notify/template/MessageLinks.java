package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the links a message carries back to alert-router (its explain page and the group's alerts)
 * and vets the links alerts bring along (runbook, source graph).
 *
 * <p>There is no silence form to link to: silences are made through {@code POST /api/v1/silences}.
 * The group link opens {@code GET /api/v1/alerts} filtered by the group's labels, one {@code
 * filter=} matcher per label, as Alertmanager's {@code /api/v2/alerts?filter=} takes them: the
 * matchers to silence the group with, and what a silence would cover.
 */
public final class MessageLinks {
  /** Slack refuses longer URLs in buttons; a link that long is not one a person follows anyway. */
  static final int MAX_URL_LENGTH = 3000;

  private final String base;

  /** @param externalUrl how people reach alert-router (the {@code --external-url}), http or https */
  public MessageLinks(URI externalUrl) {
    Objects.requireNonNull(externalUrl, "externalUrl");
    String text = externalUrl.toString();
    if (safe(text).isEmpty()) {
      throw new IllegalArgumentException("external URL must be an absolute http(s) URL: " + text);
    }
    if (externalUrl.getRawQuery() != null || externalUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("external URL must not have a query or fragment: " + text);
    }
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  public String externalUrl() {
    return base;
  }

  /**
   * The "Why was I notified?" page of one alert: {@code {externalUrl}/alerts/{fingerprint}}, the web
   * UI's alert page with its story; the same URL answers the explain JSON to
   * {@code Accept: application/json}.
   */
  public String explain(Fingerprint fingerprint) {
    return base + "/alerts/" + fingerprint;
  }

  /**
   * The group's alerts in the web UI's list: {@code {externalUrl}/alerts?filter=name%3D%22value%22&...}
   * (the same {@code filter} parameters {@code /api/v1/alerts} takes).
   */
  public String group(Labels groupLabels) {
    List<String> filters = new ArrayList<>();
    groupLabels.forEach((name, value) -> filters.add(
        "filter=" + URLEncoder.encode(Matcher.equal(name, value).toString(), StandardCharsets.UTF_8)));
    return base + "/alerts" + (filters.isEmpty() ? "" : "?" + String.join("&", filters));
  }

  /**
   * The web UI's list of the alerts routed to {@code receiver}: {@code {externalUrl}/alerts?receiver=name},
   * where a digest sends its reader.
   */
  public String receiver(String receiver) {
    return base + "/alerts?receiver=" + URLEncoder.encode(receiver, StandardCharsets.UTF_8);
  }

  /**
   * {@code url} if it is an absolute http(s) URL a person can follow, else "": a runbook or source
   * link comes from an alert, and a {@code javascript:} link or one Slack rejects must not ride
   * into a message (Slack would refuse the whole message).
   */
  public static String safe(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
      return "";
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return "";
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null ? url : "";
    } catch (URISyntaxException e) {
      return "";
    }
  }
}
