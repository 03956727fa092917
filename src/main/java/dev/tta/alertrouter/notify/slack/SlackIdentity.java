package dev.tta.alertrouter.notify.slack;

import dev.tta.alertrouter.config.SlackConfig;
import java.util.Optional;

/**
 * The channel and the name and icon a message is posted with; each null when not configured, or
 * when Alertmanager's configuration holds a Go template there (alert-router does not run those).
 */
record SlackIdentity(String channel, String username, String iconEmoji, String iconUrl) {
  static SlackIdentity of(SlackConfig config) {
    return new SlackIdentity(literal(config.channel()), literal(config.username()), literal(config.iconEmoji()),
        literal(config.iconUrl()));
  }

  private static String literal(Optional<String> value) {
    return value.filter(v -> !v.isBlank() && !v.contains("{{")).orElse(null);
  }
}
