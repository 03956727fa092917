package dev.tta.alertrouter.notify.opsgenie;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.config.OpsgenieConfig;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Alert API requests of one notification, as Alertmanager makes them: while any alert fires,
 * create ({@code POST v2/alerts}) with the alias, then with {@code update_alerts} also {@code PUT
 * v2/alerts/{alias}/message} and {@code …/description}; once all are resolved, close ({@code POST
 * v2/alerts/{alias}/close}). The alias is Alertmanager's: the hex SHA-256 of the group key.
 */
final class OpsgenieRequests {
  /** Opsgenie cuts longer messages; Alertmanager cuts at 130 runes, the last an ellipsis, and so do we. */
  static final int MAX_MESSAGE_CHARS = 130;
  /** Opsgenie's limit for a description. */
  static final int MAX_DESCRIPTION_CHARS = 15_000;

  /** One HTTP request: method, URL and JSON body. */
  record Request(String method, URI uri, ObjectNode body) {}

  private final ObjectMapper json;
  private final OpsgenieConfig config;
  private final MessageTemplates templates;
  private final String externalUrl;

  OpsgenieRequests(ObjectMapper json, OpsgenieConfig config, MessageTemplates templates, String externalUrl) {
    this.json = Objects.requireNonNull(json, "json");
    this.config = Objects.requireNonNull(config, "config");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
  }

  /** Alertmanager's alias for a group: the hex SHA-256 of its group key ({@code notify.Key.Hash}). */
  static String alias(String groupKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  List<Request> of(MessageModel model) {
    String alias = alias(model.groupKey());
    String source = config.source().orElse(externalUrl);
    List<Request> requests = new ArrayList<>();
    if (model.isResolved()) {
      requests.add(new Request("POST", uri("v2/alerts/" + alias + "/close"),
          json.createObjectNode().put("source", source)));
      return requests;
    }
    String message = cut(templates.render("message", model), MAX_MESSAGE_CHARS);
    String description = cut(templates.render("description", model), MAX_DESCRIPTION_CHARS);
    ObjectNode create = json.createObjectNode();
    create.put("alias", alias);
    create.put("message", message);
    create.put("description", description);
    create.set("details", details(model));
    create.put("source", source);
    if (!config.responders().isEmpty()) {
      ArrayNode responders = create.putArray("responders");
      for (OpsgenieConfig.Responder r : config.responders()) {
        ObjectNode node = responders.addObject();
        r.id().ifPresent(v -> node.put("id", v));
        r.name().ifPresent(v -> node.put("name", v));
        r.username().ifPresent(v -> node.put("username", v));
        node.put("type", r.type());
      }
    }
    if (!config.tags().isEmpty()) {
      config.tags().forEach(create.putArray("tags")::add);
    }
    config.note().ifPresent(v -> create.put("note", v));
    config.priority().or(() -> OpsgeniePriorities.of(model.priority())).ifPresent(v -> create.put("priority", v));
    config.entity().ifPresent(v -> create.put("entity", v));
    if (!config.actions().isEmpty()) {
      config.actions().forEach(create.putArray("actions")::add);
    }
    requests.add(new Request("POST", uri("v2/alerts"), create));
    if (config.updateAlerts()) {
      requests.add(new Request("PUT", uri("v2/alerts/" + alias + "/message"),
          json.createObjectNode().put("message", message)));
      requests.add(new Request("PUT", uri("v2/alerts/" + alias + "/description"),
          json.createObjectNode().put("description", description)));
    }
    return requests;
  }

  /** The group's common labels, then the configured details, then the links a responder needs. */
  private ObjectNode details(MessageModel model) {
    ObjectNode details = json.createObjectNode();
    model.commonLabels().forEach(details::put);
    config.details().forEach(details::put);
    if (!model.runbookUrl().isEmpty()) {
      details.put("runbook_url", model.runbookUrl());
    }
    details.put("explain_url", model.explainUrl());
    details.put("group_url", model.groupUrl());
    return details;
  }

  private URI uri(String path) {
    // Requests about one alert name it by alias, not by Opsgenie's own id.
    String query = path.startsWith("v2/alerts/") ? "?identifierType=alias" : "";
    return URI.create(config.apiUrl() + path + query);
  }

  /** At most {@code max} code points, the last an ellipsis when cut. */
  static String cut(String text, int max) {
    int[] codePoints = text.codePoints().toArray();
    if (codePoints.length <= max) {
      return text;
    }
    return new String(codePoints, 0, max - 1) + "…";
  }

  static Map<String, String> authorization(String apiKey) {
    return Map.of("Authorization", "GenieKey " + apiKey);
  }
}
