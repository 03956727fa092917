package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Optional;

/** Reads one {@code msteams_configs} or {@code msteamsv2_configs} entry. */
final class MSTeamsParser {
  private static final List<String> GO_TEMPLATE_FIELDS_V1 = List.of("title", "summary", "text");
  private static final List<String> GO_TEMPLATE_FIELDS_V2 = List.of("title", "text");

  private MSTeamsParser() {}

  static MSTeamsConfig parse(Value v, String localKey, ReceiverScope scope, boolean workflow) {
    YamlMap m = v.mapping();
    List<String> goFields = workflow ? GO_TEMPLATE_FIELDS_V2 : GO_TEMPLATE_FIELDS_V1;
    m.ignore(goFields.toArray(String[]::new));
    m.allow("send_resolved", "http_config", "webhook_url", "webhook_url_file", "templates");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, goFields);
    return new MSTeamsConfig(
        workflow,
        m.bool("send_resolved", true),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        webhookUrl(m, localKey, scope),
        TemplateOverridesParser.templates(m),
        v.location());
  }

  /** A required secret webhook URL; absent (dry-run, warned) when written as an unset {@code ${ENV}}. */
  static Optional<Secret> webhookUrl(YamlMap m, String localKey, ReceiverScope scope) {
    if (!SecretReader.configured(m, "webhook_url")) {
      m.missing("webhook_url", "one of webhook_url or webhook_url_file must be configured");
      return Optional.empty();
    }
    Optional<Secret> url = SecretReader.readUrl(m, "webhook_url", SecretReader.WhenUnset.ABSENT);
    if (url.isEmpty()) {
      scope.dryRun(localKey + ".webhook_url");
    }
    return url;
  }
}
