package dev.tta.alertrouter.config;

import java.util.List;

/**
 * The Alertmanager integrations alert-router does not have. A receiver using one is refused with an
 * error naming it, and loading goes on, so every other problem of the file is still reported; a file
 * whose only errors are these is otherwise valid, and {@code check-config} says so.
 */
public final class UnsupportedIntegrations {
  /** Alertmanager's receiver keys alert-router refuses. */
  static final List<String> KEYS = List.of("pushover_configs", "sns_configs", "victorops_configs", "webex_configs",
      "wechat_configs", "jira_configs", "rocketchat_configs");

  /** What alert-router does support, as the error lists it. */
  static final String SUPPORTED =
      "discord, email, msteams, msteamsv2, opsgenie, pagerduty, slack, telegram, webhook";

  private static final String MARK = "is not supported by alert-router";

  private UnsupportedIntegrations() {}

  static String message(String key) {
    String name = key.substring(0, key.length() - "_configs".length());
    return name + " " + MARK + " (it supports " + SUPPORTED + "); remove this receiver's " + key
        + " or route its alerts elsewhere";
  }

  /** True when {@code error} only says that an integration is not supported. */
  public static boolean only(ConfigError error) {
    return error.message().contains(MARK) && KEYS.stream().anyMatch(k -> error.key().endsWith(k));
  }
}
