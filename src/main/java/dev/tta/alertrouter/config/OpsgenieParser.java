package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one {@code opsgenie_configs} entry. */
final class OpsgenieParser {
  private static final List<String> GO_TEMPLATE_FIELDS = List.of("message", "description");
  private static final Set<String> RESPONDER_TYPES = Set.of("team", "teams", "user", "escalation", "schedule");
  private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");

  private OpsgenieParser() {}

  static OpsgenieConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.ignore(GO_TEMPLATE_FIELDS.toArray(String[]::new));
    m.allow("send_resolved", "http_config", "api_key", "api_key_file", "api_url", "source", "details", "responders",
        "tags", "note", "priority", "update_alerts", "entity", "actions", "templates");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, GO_TEMPLATE_FIELDS);
    Optional<Secret> apiKey = Optional.empty();
    if (SecretReader.configured(m, "api_key")) {
      apiKey = SecretReader.read(m, "api_key", SecretReader.WhenUnset.ABSENT);
      if (apiKey.isEmpty()) {
        scope.dryRun(localKey + ".api_key");
      }
    } else if (scope.global().opsgenieApiKey().isPresent()) {
      apiKey = scope.global().opsgenieApiKey();
    } else {
      m.missing("api_key", "no global OpsGenie API Key set either inline or in a file");
    }
    String apiUrl = m.has("api_url") ? Urls.read(m.get("api_url")) : null;
    Optional<String> priority = literal(m, "priority", localKey, scope);
    if (priority.isPresent() && !PRIORITIES.contains(priority.get())) {
      m.get("priority").error("must be one of P1, P2, P3, P4, P5 (Opsgenie's priorities), found \""
          + priority.get() + "\"");
      priority = Optional.empty();
    }
    return new OpsgenieConfig(
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        apiKey,
        withSlash(apiUrl == null ? scope.global().opsgenieApiUrl() : apiUrl),
        literal(m, "source", localKey, scope),
        details(m, localKey, scope),
        responders(m, localKey, scope),
        commaList(literal(m, "tags", localKey, scope)),
        literal(m, "note", localKey, scope),
        priority,
        m.bool("update_alerts", false),
        literal(m, "entity", localKey, scope),
        commaList(literal(m, "actions", localKey, scope)),
        TemplateOverridesParser.templates(m),
        v.location());
  }

  /** The API paths are appended to the URL, as Alertmanager does: {@code https://api.opsgenie.com/v2/alerts}. */
  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** A plain-text value; a Go template is warned about and left out. */
  private static Optional<String> literal(YamlMap m, String name, String localKey, ReceiverScope scope) {
    Optional<String> value = m.optional(name).map(String::strip).filter(s -> !s.isEmpty());
    if (value.isPresent() && isTemplate(value.get())) {
      goTemplate(scope, localKey + "." + name);
      return Optional.empty();
    }
    return value;
  }

  private static Map<String, String> details(YamlMap m, String localKey, ReceiverScope scope) {
    Map<String, String> details = new LinkedHashMap<>();
    m.stringMap("details").forEach((key, value) -> {
      if (isTemplate(value)) {
        goTemplate(scope, localKey + ".details." + key);
      } else {
        details.put(key, value);
      }
    });
    return details;
  }

  private static List<OpsgenieConfig.Responder> responders(YamlMap m, String localKey, ReceiverScope scope) {
    List<OpsgenieConfig.Responder> responders = new ArrayList<>();
    List<Value> items = m.list("responders");
    for (int i = 0; i < items.size(); i++) {
      YamlMap r = items.get(i).mapping();
      r.allow("id", "name", "username", "type");
      String where = localKey + ".responders[" + i + "]";
      Optional<String> id = r.optional("id").filter(s -> !s.isEmpty());
      Optional<String> name = r.optional("name").filter(s -> !s.isEmpty());
      Optional<String> username = r.optional("username").filter(s -> !s.isEmpty());
      String type = r.string("type");
      if (id.isEmpty() && name.isEmpty() && username.isEmpty()) {
        r.missing("id", "responder has to have at least one of id, username or name specified");
        continue;
      }
      if (type == null || type.isEmpty()) {
        r.missing("type", "responder has to have a type (team, teams, user, escalation or schedule)");
        continue;
      }
      if (Arrays.asList(id, name, username, Optional.of(type)).stream().flatMap(Optional::stream)
          .anyMatch(OpsgenieParser::isTemplate)) {
        goTemplate(scope, where);
        continue;
      }
      if (!RESPONDER_TYPES.contains(type)) {
        r.get("type").error("responder type must be one of team, teams, user, escalation or schedule, found \""
            + type + "\"");
        continue;
      }
      if (type.equals("teams")) {
        // Alertmanager's "teams" responder: a comma-separated list of team names, one team each.
        for (String team : commaList(name)) {
          responders.add(new OpsgenieConfig.Responder("team", Optional.empty(), Optional.of(team), Optional.empty()));
        }
        continue;
      }
      responders.add(new OpsgenieConfig.Responder(type, id, name, username));
    }
    return responders;
  }

  private static List<String> commaList(Optional<String> text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean isTemplate(String value) {
    return value.contains("{{");
  }

  private static void goTemplate(ReceiverScope scope, String key) {
    scope.problems().warn("receiver " + scope.receiver() + ": " + key
        + " holds an Alertmanager Go template, which alert-router does not run; ignored");
  }
}
