package dev.tta.alertrouter.notify.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.config.DiscordConfig;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a Discord webhook message: one embed (title, description from the {@code message}
 * template, colour by priority, the title linking to the runbook or the explain page), a last
 * line of links (Runbook, Why was I notified?, Alerts in group), and {@code content} above the
 * embed when its template prints anything. {@code allowed_mentions} is empty, so nothing in the
 * message pings anyone, whatever an alert says.
 */
final class DiscordMessage {
  static final int MAX_TITLE_CHARS = 256;
  static final int MAX_DESCRIPTION_CHARS = 4096;
  static final int MAX_CONTENT_CHARS = 2000;

  private final ObjectMapper json;
  private final DiscordConfig config;
  private final MessageTemplates templates;

  DiscordMessage(ObjectMapper json, DiscordConfig config, MessageTemplates templates) {
    this.json = Objects.requireNonNull(json, "json");
    this.config = Objects.requireNonNull(config, "config");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  ObjectNode of(MessageModel model) {
    ObjectNode message = json.createObjectNode();
    String content = cut(templates.render("content", model).strip(), MAX_CONTENT_CHARS);
    if (!content.isEmpty()) {
      message.put("content", content);
    }
    config.username().ifPresent(u -> message.put("username", u));
    config.avatarUrl().ifPresent(u -> message.put("avatar_url", u));
    ObjectNode embed = message.putArray("embeds").addObject();
    embed.put("title", cut(templates.render("title", model), MAX_TITLE_CHARS));
    String linkLine = links(model);
    String body = templates.render("message", model).strip();
    int room = MAX_DESCRIPTION_CHARS - linkLine.length() - 2;
    embed.put("description", (body.isEmpty() ? "" : cut(body, room) + "\n\n") + linkLine);
    embed.put("color", color(model.color()));
    String titleLink = model.runbookUrl().isEmpty() ? model.explainUrl() : model.runbookUrl();
    embed.put("url", titleLink);
    message.putObject("allowed_mentions").putArray("parse");
    return message;
  }

  /** {@code #E01E5A} as Discord's integer colour. */
  static int color(String hex) {
    return Integer.parseInt(hex.substring(1), 16);
  }

  private static String links(MessageModel model) {
    List<String> links = new ArrayList<>();
    if (!model.runbookUrl().isEmpty()) {
      links.add(link("Runbook", model.runbookUrl()));
    }
    if (!model.sourceUrl().isEmpty()) {
      links.add(link("Source graph", model.sourceUrl()));
    }
    links.add(link("Why was I notified?", model.explainUrl()));
    links.add(link("Alerts in group", model.groupUrl()));
    return String.join(" · ", links);
  }

  /**
   * A Markdown link; the URL (already vetted as http(s)) has the characters that would end or
   * break the link percent-encoded.
   */
  static String link(String text, String url) {
    String safe = url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
        .replace(" ", "%20");
    return "[" + text + "](" + safe + ")";
  }

  /** At most {@code max} UTF-16 units (Discord counts characters), ending with an ellipsis when cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
