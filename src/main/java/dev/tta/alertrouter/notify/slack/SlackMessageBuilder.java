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
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.MrkdwnEscaper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a group out in Block Kit: a header with the priority and title, the summary and
 * description, the labels that matter, the firing and resolved counts, and buttons to the runbook,
 * the source graph, the explain page and the group; for a bot message of a firing group, who
 * acknowledged it and the {@link SlackAction} buttons. The blocks sit in one attachment so that the
 * message carries the priority's colour bar. Every text that comes from an alert is escaped for
 * mrkdwn, by the templates or here.
 */
final class SlackMessageBuilder {
  /** The longest {@code value} Slack takes on a button. */
  static final int BUTTON_VALUE = 2000;
  private static final DateTimeFormatter CLOCK_UTC = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final MessageTemplates templates;

  SlackMessageBuilder(MessageTemplates templates) {
    this.templates = templates;
  }

  SlackMessage build(MessageModel model) {
    return build(model, Optional.empty());
  }

  /**
   * @param actions for a bot message: the acknowledgement line and the Acknowledge/Silence buttons,
   *     shown while the group fires
   */
  SlackMessage build(MessageModel model, Optional<GroupActions> actions) {
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
    if (!model.isResolved()) {
      actions.ifPresent(a -> blocks.addAll(acting(a)));
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

  /** The acknowledgement line (when acked) and the buttons that act on the group through Slack's interactivity. */
  private static List<LayoutBlock> acting(GroupActions actions) {
    List<LayoutBlock> blocks = new ArrayList<>();
    actions.ack().ifPresent(ack -> blocks.add(ContextBlock.builder()
        .elements(List.<ContextBlockElement>of(mrkdwn(SlackText.fit(acknowledged(ack), SlackText.SECTION)))).build()));
    // Slack refuses a button whose value is longer than this; such a group is acted on in the UI instead.
    if (actions.groupKey().length() > BUTTON_VALUE) {
      return blocks;
    }
    List<BlockElement> buttons = new ArrayList<>();
    SlackAction ackButton = actions.ack().isPresent() ? SlackAction.UNACKNOWLEDGE : SlackAction.ACKNOWLEDGE;
    buttons.add(action(ackButton, actions.groupKey(), actions.ack().isPresent() ? null : "primary"));
    buttons.add(action(SlackAction.SILENCE_1H, actions.groupKey(), null));
    buttons.add(action(SlackAction.SILENCE_4H, actions.groupKey(), null));
    blocks.add(ActionsBlock.builder().blockId(SlackAction.BLOCK_ID).elements(buttons).build());
    return blocks;
  }

  /** {@code :eyes: Acknowledged by @alice at 03:12 UTC: on it}, the time in each reader's own zone. */
  private static String acknowledged(Ack ack) {
    long epoch = ack.at().getEpochSecond();
    String text = ":eyes: Acknowledged by *" + MrkdwnEscaper.escape(ack.by()) + "* at <!date^" + epoch + "^{time}|"
        + CLOCK_UTC.format(ack.at()) + " UTC>";
    if (ack.until() != null) {
      text += " until <!date^" + ack.until().getEpochSecond() + "^{date_short_pretty} {time}|"
          + ack.until() + ">";
    }
    return ack.comment().isEmpty() ? text : text + ": " + MrkdwnEscaper.escape(ack.comment());
  }

  private static ButtonElement action(SlackAction action, String groupKey, String style) {
    return ButtonElement.builder().actionId(action.actionId()).text(plain(action.label())).value(groupKey)
        .style(style).build();
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
