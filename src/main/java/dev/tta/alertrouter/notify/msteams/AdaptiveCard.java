package dev.tta.alertrouter.notify.msteams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.notify.template.MarkdownEscaper;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the Teams message: one Adaptive Card in a {@code message} envelope, as both incoming
 * webhooks and Power Automate workflows take it. A heading in the priority's colour (a container
 * style: attention for P0, warning for P1, accent for P2, good once resolved), the body from the
 * {@code text} template, the important labels as facts, the counts, and buttons: Runbook, Source
 * graph, Why was I notified? and Alerts in group.
 */
final class AdaptiveCard {
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  static final String VERSION = "1.4";

  private final ObjectMapper json;
  private final MessageTemplates templates;

  AdaptiveCard(ObjectMapper json, MessageTemplates templates) {
    this.json = Objects.requireNonNull(json, "json");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  ObjectNode message(MessageModel model) {
    ObjectNode message = json.createObjectNode();
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", CONTENT_TYPE);
    attachment.putNull("contentUrl");
    attachment.set("content", card(model));
    return message;
  }

  private ObjectNode card(MessageModel model) {
    ObjectNode card = json.createObjectNode();
    card.put("$schema", SCHEMA);
    card.put("type", "AdaptiveCard");
    card.put("version", VERSION);
    ArrayNode body = card.putArray("body");
    ObjectNode heading = body.addObject();
    heading.put("type", "Container");
    heading.put("style", style(model));
    heading.put("bleed", true);
    heading.putArray("items").addObject()
        .put("type", "TextBlock")
        .put("text", oneLine(templates.render("title", model)))
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("wrap", true)
        .put("style", "heading");
    String text = templates.render("text", model).strip();
    if (!text.isEmpty()) {
      body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    }
    if (!model.importantLabels().isEmpty()) {
      ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
      for (Map.Entry<String, String> label : model.importantLabels().entrySet()) {
        facts.addObject().put("title", label.getKey()).put("value", MarkdownEscaper.escape(label.getValue()));
      }
    }
    body.addObject()
        .put("type", "TextBlock")
        .put("text", "Firing: " + model.firingCount() + ", resolved: " + model.resolvedCount()
            + (model.since().isEmpty() ? "" : ", firing since " + model.since()))
        .put("isSubtle", true)
        .put("size", "Small")
        .put("wrap", true);
    ArrayNode actions = card.putArray("actions");
    link(actions, "Runbook", model.runbookUrl());
    link(actions, "Source graph", model.sourceUrl());
    link(actions, "Why was I notified?", model.explainUrl());
    link(actions, "Alerts in group", model.groupUrl());
    card.putObject("msteams").put("width", "Full");
    return card;
  }

  /** The heading's container style by priority: Teams colours containers, not hex codes. */
  static String style(MessageModel model) {
    if (model.isResolved()) {
      return "good";
    }
    return switch (model.priority()) {
      case "P0" -> "attention";
      case "P1" -> "warning";
      case "P2" -> "accent";
      default -> "emphasis";
    };
  }

  private static void link(ArrayNode actions, String title, String url) {
    if (!url.isEmpty()) {
      actions.addObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
    }
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
  }
}
