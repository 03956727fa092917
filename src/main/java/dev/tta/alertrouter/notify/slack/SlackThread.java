package dev.tta.alertrouter.notify.slack;

import java.util.Objects;

/**
 * Where a group's first Slack message was posted, as {@code chat.postMessage} answered: what
 * {@code chat.update} and thread replies need.
 *
 * @param channelId the channel's ID ({@code C0123}); {@code chat.update} does not take a name
 * @param ts the message's timestamp, its ID within the channel
 */
public record SlackThread(String channelId, String ts) {
  public SlackThread {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(ts, "ts");
    if (channelId.isEmpty() || ts.isEmpty()) {
      throw new IllegalArgumentException("a Slack thread needs a channel ID and a ts");
    }
  }
}
