package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one {@code slack_configs} entry. */
final class SlackParser {
  /** Fields whose Alertmanager values are Go templates (or only style them); the message is alert-router's own. */
  private static final List<String> GO_TEMPLATE_FIELDS = List.of("title", "title_link", "pretext", "text", "fields",
      "short_fields", "footer", "fallback", "callback_id", "color", "image_url", "thumb_url", "link_names",
      "mrkdwn_in", "actions");

  private SlackParser() {}

  static SlackConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.allow("send_resolved", "http_config", "api_url", "api_url_file", "bot_token", "bot_token_file", "api_base_url",
        "channel", "username", "color", "title", "title_link", "pretext", "text", "fields", "short_fields", "footer",
        "fallback", "callback_id", "icon_emoji", "icon_url", "image_url", "thumb_url", "link_names", "mrkdwn_in",
        "actions", "templates", "signing_secret", "signing_secret_file");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, GO_TEMPLATE_FIELDS);
    boolean ownUrl = SecretReader.configured(m, "api_url");
    boolean ownToken = SecretReader.configured(m, "bot_token");
    Optional<Secret> apiUrl = Optional.empty();
    Optional<Secret> botToken = Optional.empty();
    Optional<String> channel = m.optional("channel");
    if (ownUrl && ownToken) {
      m.missing("bot_token", "at most one of api_url(_file) and bot_token(_file) must be configured");
    } else if (ownToken) {
      botToken = SecretReader.read(m, "bot_token", SecretReader.WhenUnset.ABSENT);
      if (channel.isEmpty()) {
        m.missing("channel", "channel is required with bot_token (the Web API posts to a channel)");
        botToken = Optional.empty();
      }
    } else {
      apiUrl = ownUrl ? SecretReader.readUrl(m, "api_url", SecretReader.WhenUnset.ABSENT) : scope.global().slackApiUrl();
    }
    if (apiUrl.isEmpty() && botToken.isEmpty()) {
      scope.dryRun(localKey + (ownToken ? ".bot_token" : ".api_url"));
    }
    String apiBase = m.has("api_base_url") ? Urls.read(m.get("api_base_url")) : null;
    return new SlackConfig(
        m.bool("send_resolved", false),
        m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : scope.global().httpConfig(),
        apiUrl,
        botToken,
        apiBase == null ? SlackConfig.DEFAULT_API_BASE_URL : apiBase,
        channel,
        m.optional("username"),
        m.optional("color"),
        m.optional("title"),
        m.optional("title_link"),
        m.optional("pretext"),
        m.optional("text"),
        fields(m.list("fields")),
        m.bool("short_fields", false),
        m.optional("footer"),
        m.optional("fallback"),
        m.optional("callback_id"),
        m.optional("icon_emoji"),
        m.optional("icon_url"),
        m.optional("image_url"),
        m.optional("thumb_url"),
        m.bool("link_names", false),
        m.strings("mrkdwn_in") == null ? List.of() : m.strings("mrkdwn_in"),
        actions(m.list("actions")),
        TemplateOverridesParser.templates(m),
        SecretReader.read(m, "signing_secret", SecretReader.WhenUnset.ABSENT),
        v.location());
  }

  private static List<SlackConfig.Field> fields(List<Value> items) {
    List<SlackConfig.Field> fields = new ArrayList<>();
    for (Value item : items) {
      YamlMap f = item.mapping();
      f.allow("title", "value", "short");
      String title = f.string("title");
      String value = f.string("value");
      if (title == null) {
        f.missing("title", "missing title in Slack field configuration");
      }
      if (value == null) {
        f.missing("value", "missing value in Slack field configuration");
      }
      Optional<Boolean> isShort = f.has("short") ? Optional.ofNullable(f.get("short").bool()) : Optional.empty();
      if (title != null && value != null) {
        fields.add(new SlackConfig.Field(title, value, isShort));
      }
    }
    return fields;
  }

  private static List<SlackConfig.Action> actions(List<Value> items) {
    List<SlackConfig.Action> actions = new ArrayList<>();
    for (Value item : items) {
      YamlMap a = item.mapping();
      a.allow("type", "text", "url", "style", "name", "value", "confirm");
      String type = a.string("type");
      String text = a.string("text");
      Optional<String> url = a.optional("url");
      Optional<String> name = a.optional("name");
      boolean ok = true;
      if (type == null) {
        a.missing("type", "missing type in Slack action configuration");
        ok = false;
      }
      if (text == null) {
        a.missing("text", "missing text in Slack action configuration");
        ok = false;
      }
      if (url.isEmpty() && name.isEmpty()) {
        a.missing("url", "missing name or url in Slack action configuration");
        ok = false;
      }
      Optional<SlackConfig.Confirm> confirm = a.has("confirm") ? confirm(a.get("confirm")) : Optional.empty();
      if (ok) {
        actions.add(new SlackConfig.Action(type, text, url, a.optional("style"), name, a.optional("value"), confirm));
      }
    }
    return actions;
  }

  private static Optional<SlackConfig.Confirm> confirm(Value v) {
    YamlMap c = v.mapping();
    c.allow("text", "title", "ok_text", "dismiss_text");
    String text = c.string("text");
    if (text == null) {
      c.missing("text", "missing text in Slack confirm configuration");
      return Optional.empty();
    }
    return Optional.of(new SlackConfig.Confirm(text, c.optional("title"), c.optional("ok_text"), c.optional("dismiss_text")));
  }
}
