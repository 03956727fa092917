package dev.tta.alertrouter.notify.slack;

import dev.tta.alertrouter.notify.DeliveryOutcome;

/** One way of putting a message in front of Slack: an incoming webhook, or the Web API with a bot token. */
interface SlackDelivery {
  /**
   * @param groupKey the group the message is about
   * @param resolved whether the whole group has resolved
   */
  DeliveryOutcome deliver(String groupKey, boolean resolved, SlackMessage message);
}
