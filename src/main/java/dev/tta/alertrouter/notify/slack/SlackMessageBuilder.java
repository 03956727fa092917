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
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.MrkdwnEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a group out in Block Kit: a header with the priority and title, the summary and
 * description, the labels that matter, the firing and resolved counts, and buttons to the runbook,
 * the source graph, the explain page and the group. The blocks sit in one attachment so that the
 * message carries the priority's colour bar. Every text that comes from an alert is escaped for
 * mrkdwn, by the templates or here.
 */
final class SlackMessageBuilder {
  private final MessageTemplates templates;

  SlackMessageBuilder(MessageTemplates templates) {
    this.templates = templates;
  }

  SlackMessage build(MessageModel model) {
    String fallback = SlackText.fit(templates.render("fallback", model).strip(), SlackText.MESSAGE);
    List<LayoutBlock> blocks = new ArrayList<>();
    // A header is one line and never empty (Slack refuses the whole message otherwise).
    String title = templates.render("title", model).strip().replaceAll("\\s*\\R\\s*", " ");
    if (title.isEmpty()) {
      title = MrkdwnEscaper.escape(model.title());
    }
    blocks.add(HeaderBlock.builder().text(plain(SlackText.fit(title, SlackText.HEADER))).build());
    String text = templates.render("text", model).strip();
    if (!text.isEmpty()) {
      blocks.add(SectionBlock.builder().text(mrkdwn(SlackText.fit(text, SlackText.SECTION))).build());
    }
    List<TextObject> fields = new ArrayList<>();
    for (Map.Entry<String, String> label : model.importantLabels().entrySet()) {
      fields.add(mrkdwn(SlackText.fit(
          "*" + MrkdwnEscaper.escape(label.getKey()) + "*\n" + MrkdwnEscaper.escape(label.getValue()), SlackText.FIELD)));
    }
    if (!fields.isEmpty()) {
      blocks.add(SectionBlock.builder().fields(fields).build());
    }
    String counts = counts(model);
    if (!counts.isEmpty()) {
      blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(mrkdwn(counts))).build());
    }
    List<BlockElement> buttons = buttons(model);
    if (!buttons.isEmpty()) {
      blocks.add(ActionsBlock.builder().elements(buttons).build());
    }
    Attachment attachment = Attachment.builder().color(model.color()).fallback(fallback).blocks(blocks).build();
    return new SlackMessage(fallback, List.of(attachment));
  }

  private static String counts(MessageModel model) {
    List<String> parts = new ArrayList<>();
    if (model.firingCount() > 0) {
      parts.add(":fire: *" + model.firingCount() + "* firing");
    }
    if (model.resolvedCount() > 0) {
      parts.add(":white_check_mark: *" + model.resolvedCount() + "* resolved");
    }
    if (model.sinceEpochSeconds() > 0) {
      // Slack shows the time in each reader's own zone; the text after '|' is for clients that cannot.
      parts.add("since <!date^" + model.sinceEpochSeconds() + "^{date_short_pretty} {time}|" + model.since() + ">");
    }
    return String.join(" · ", parts);
  }

  private static List<BlockElement> buttons(MessageModel model) {
    List<BlockElement> buttons = new ArrayList<>();
    if (!model.runbookUrl().isEmpty()) {
      buttons.add(button("runbook", "Runbook", model.runbookUrl(), "primary"));
    }
    if (!model.sourceUrl().isEmpty()) {
      buttons.add(button("source", "Source graph", model.sourceUrl(), null));
    }
    if (!model.explainUrl().isEmpty()) {
      buttons.add(button("explain", "Why was I notified?", model.explainUrl(), null));
    }
    if (!MessageLinks.safe(model.groupUrl()).isEmpty()) {
      buttons.add(button("group", "Alerts in group", model.groupUrl(), null));
    }
    return buttons;
  }

  private static ButtonElement button(String actionId, String label, String url, String style) {
    return ButtonElement.builder().actionId(actionId).text(plain(label)).url(url).style(style).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }

  private static MarkdownTextObject mrkdwn(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }
}
