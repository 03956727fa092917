package dev.tta.alertrouter.notify.slack;

import com.google.gson.JsonParseException;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Posts with a bot token through the Web API, one message per group and channel: the first
 * notification of a group posts it ({@code chat.postMessage}) and remembers its {@code ts}; later
 * ones, the resolution included, update it in place ({@code chat.update}) so that the channel shows
 * each group's current state once, and reply in its thread so that the change is still announced.
 * Once the group has resolved its message is forgotten: if it fires again, that is a new message.
 */
final class BotDelivery implements SlackDelivery {
  /** The original message can no longer be edited: start a new one rather than fail. */
  private static final Set<String> MESSAGE_GONE = Set.of("message_not_found", "cant_update_message",
      "edit_window_closed");

  private final MethodsClient methods;
  private final SlackIdentity identity;
  private final SlackMessageStore store;
  private final Redactor redactor;

  BotDelivery(MethodsClient methods, SlackIdentity identity, SlackMessageStore store, Redactor redactor) {
    this.methods = methods;
    this.identity = identity;
    this.store = store;
    this.redactor = redactor;
    Objects.requireNonNull(identity.channel(), "a bot token needs a literal channel");
  }

  /** What one Web API call came to, and Slack's answer when it gave one. */
  private record Answer<R extends SlackApiTextResponse>(DeliveryOutcome outcome, R response) {
    boolean delivered() {
      return outcome instanceof DeliveryOutcome.Delivered;
    }

    boolean failedWith(Set<String> errors) {
      return response != null && !response.isOk() && errors.contains(response.getError());
    }
  }

  private interface Call<R extends SlackApiTextResponse> {
    R run() throws IOException, SlackApiException;
  }

  @Override
  public DeliveryOutcome deliver(String groupKey, boolean resolved, SlackMessage message) {
    String channel = identity.channel();
    Optional<SlackThread> thread = store.find(groupKey, channel);
    if (thread.isPresent()) {
      Answer<?> updated = update(thread.get(), message);
      if (updated.delivered()) {
        DeliveryOutcome replied = reply(thread.get(), message).outcome();
        if (resolved && !(replied instanceof DeliveryOutcome.Retryable)) {
          store.forget(groupKey, channel);
        }
        return replied;
      }
      if (!updated.failedWith(MESSAGE_GONE)) {
        return updated.outcome();
      }
      store.forget(groupKey, channel);
    }
    Answer<ChatPostMessageResponse> posted = post(message);
    if (posted.delivered() && !resolved && posted.response().getChannel() != null
        && posted.response().getTs() != null) {
      store.remember(groupKey, channel, new SlackThread(posted.response().getChannel(), posted.response().getTs()));
    }
    return posted.outcome();
  }

  /**
   * Edits the group's message in place, if this channel has one, without a thread reply: the group
   * did not change, only what can be done about it (an acknowledgement given or ended).
   */
  DeliveryOutcome updateInPlace(String groupKey, SlackMessage message) {
    Optional<SlackThread> thread = store.find(groupKey, identity.channel());
    if (thread.isEmpty()) {
      return new DeliveryOutcome.Delivered();
    }
    Answer<?> updated = update(thread.get(), message);
    if (updated.failedWith(MESSAGE_GONE)) {
      store.forget(groupKey, identity.channel());
    }
    return updated.outcome();
  }

  /** Whether this channel holds a message of the group that {@link #updateInPlace} would edit. */
  boolean hasMessage(String groupKey) {
    return store.find(groupKey, identity.channel()).isPresent();
  }

  private Answer<ChatPostMessageResponse> post(SlackMessage message) {
    return call("chat.postMessage", () -> methods.chatPostMessage(r -> r
        .channel(identity.channel())
        .username(identity.username())
        .iconEmoji(identity.iconEmoji())
        .iconUrl(identity.iconUrl())
        .text(message.text())
        .attachments(message.attachments())
        .unfurlLinks(false)
        .unfurlMedia(false)));
  }

  private Answer<?> update(SlackThread thread, SlackMessage message) {
    return call("chat.update", () -> methods.chatUpdate(r -> r
        .channel(thread.channelId())
        .ts(thread.ts())
        .text(message.text())
        .attachments(message.attachments())));
  }

  private Answer<?> reply(SlackThread thread, SlackMessage message) {
    return call("chat.postMessage (thread reply)", () -> methods.chatPostMessage(r -> r
        .channel(thread.channelId())
        .threadTs(thread.ts())
        .username(identity.username())
        .iconEmoji(identity.iconEmoji())
        .iconUrl(identity.iconUrl())
        .text(message.text())
        .unfurlLinks(false)
        .unfurlMedia(false)));
  }

  private <R extends SlackApiTextResponse> Answer<R> call(String method, Call<R> call) {
    try {
      R response = call.run();
      return new Answer<>(SlackOutcomes.api(method, response), response);
    } catch (SlackApiException e) {
      return new Answer<>(SlackOutcomes.api(method, e), null);
    } catch (IOException e) {
      return new Answer<>(SlackOutcomes.unreachable("Slack " + method, e, redactor), null);
    } catch (JsonParseException e) {
      // HTTP 200 with something that is not Slack's JSON: a proxy or captive portal in the way.
      return new Answer<>(new DeliveryOutcome.Retryable(Optional.empty(),
          "Slack " + method + " answered something unreadable"), null);
    }
  }
}
