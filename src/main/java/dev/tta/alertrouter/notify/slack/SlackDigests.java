package dev.tta.alertrouter.notify.slack;

import com.slack.api.model.Attachment;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MrkdwnEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lays a digest out in Block Kit: the headline ("+37 more alerts in 12 groups") as header and
 * notification text, the top alert names, teams and priorities, the window, and a button to the
 * receiver's alerts in the web UI. Label values come from alerts and are escaped for mrkdwn.
 */
final class SlackDigests {
  /** Slack's grey: a digest is a summary, not an alert of its own priority. */
  private static final String COLOR = "#9e9e9e";

  private SlackDigests() {}

  static SlackMessage build(Digest digest, String listUrl) {
    String headline = digest.headline();
    String fallback = SlackText.fit(":package: " + headline + " for " + MrkdwnEscaper.escape(digest.receiver())
        + " (" + digest.firing() + " firing, " + digest.resolved() + " resolved)", SlackText.MESSAGE);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(HeaderBlock.builder().text(plain(SlackText.fit(headline, SlackText.HEADER))).build());
    List<String> lines = new ArrayList<>();
    lines.add(line("Top alertnames", digest.alertnames()));
    lines.add(line("Teams", digest.teams()));
    lines.add(line("Priorities", digest.priorities()));
    lines.removeIf(String::isEmpty);
    if (!lines.isEmpty()) {
      blocks.add(SectionBlock.builder().text(mrkdwn(SlackText.fit(String.join("\n", lines), SlackText.SECTION)))
          .build());
    }
    String window = digest.notifications() + " notification" + (digest.notifications() == 1 ? "" : "s")
        + " folded between " + digest.windowStart() + " and " + digest.windowEnd() + " (digest "
        + MrkdwnEscaper.escape(digest.id()) + ")";
    blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(mrkdwn(window))).build());
    if (!MessageLinks.safe(listUrl).isEmpty()) {
      blocks.add(ActionsBlock.builder().elements(List.<BlockElement>of(ButtonElement.builder().actionId("receiver")
          .text(plain("Alerts of " + SlackText.fit(digest.receiver(), 60))).url(listUrl).build())).build());
    }
    Attachment attachment = Attachment.builder().color(COLOR).fallback(fallback).blocks(blocks).build();
    return new SlackMessage(fallback, List.of(attachment));
  }

  private static String line(String title, List<Digest.Count> counts) {
    if (counts.isEmpty()) {
      return "";
    }
    return "*" + title + ":* " + counts.stream()
        .map(c -> MrkdwnEscaper.escape(c.value()) + " (" + c.count() + ")")
        .collect(Collectors.joining(", "));
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }

  private static MarkdownTextObject mrkdwn(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }
}
