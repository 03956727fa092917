package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Optional;

/** Reads {@code global:}. */
final class GlobalParser {
  // Alertmanager global keys of integrations alert-router does not have: accepted, so that an
  // Alertmanager file loads unchanged, and reported as ignored.
  private static final String[] OTHER_INTEGRATIONS = {
    "wechat_api_url", "wechat_api_secret", "wechat_api_corp_id", "victorops_api_key", "victorops_api_key_file",
    "victorops_api_url", "webex_api_url", "jira_api_url", "rocketchat_api_url", "rocketchat_token",
    "rocketchat_token_file", "rocketchat_token_id", "rocketchat_token_id_file"
  };

  private GlobalParser() {}

  static GlobalConfig parse(YamlMap m) {
    for (String ignored : m.ignore(OTHER_INTEGRATIONS)) {
      m.owner().context().problems().warn(m.keyOf(ignored) + " is ignored: alert-router does not support that integration");
    }
    m.allow("resolve_timeout", "http_config", "smtp_from", "smtp_hello", "smtp_smarthost", "smtp_auth_username",
        "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_identity", "smtp_auth_secret",
        "smtp_auth_secret_file", "smtp_require_tls", "slack_api_url", "slack_api_url_file", "pagerduty_url",
        "opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url", "telegram_api_url",
        "pagerduty_webhook_signing_secret", "pagerduty_webhook_signing_secret_file", "slack_signing_secret",
        "slack_signing_secret_file");
    Duration resolveTimeout = m.duration("resolve_timeout");
    HttpClientConfig http = m.has("http_config") ? HttpConfigParser.parse(m.get("http_config")) : HttpClientConfig.defaults();
    String pagerdutyUrl = m.has("pagerduty_url") ? Urls.read(m.get("pagerduty_url")) : null;
    String opsgenieUrl = m.has("opsgenie_api_url") ? Urls.read(m.get("opsgenie_api_url")) : null;
    String telegramUrl = m.has("telegram_api_url") ? Urls.read(m.get("telegram_api_url")) : null;
    return new GlobalConfig(
        resolveTimeout == null ? GlobalConfig.DEFAULT_RESOLVE_TIMEOUT : resolveTimeout,
        http,
        Optional.ofNullable(m.string("smtp_from")),
        m.string("smtp_hello", GlobalConfig.DEFAULT_SMTP_HELLO),
        smarthost(m.get("smtp_smarthost")),
        Optional.ofNullable(m.string("smtp_auth_username")),
        SecretReader.read(m, "smtp_auth_password", SecretReader.WhenUnset.ERROR),
        Optional.ofNullable(m.string("smtp_auth_identity")),
        SecretReader.read(m, "smtp_auth_secret", SecretReader.WhenUnset.ERROR),
        m.bool("smtp_require_tls", true),
        SecretReader.readUrl(m, "slack_api_url", SecretReader.WhenUnset.ABSENT),
        pagerdutyUrl == null ? GlobalConfig.DEFAULT_PAGERDUTY_URL : pagerdutyUrl,
        SecretReader.read(m, "opsgenie_api_key", SecretReader.WhenUnset.ABSENT),
        opsgenieUrl == null ? GlobalConfig.DEFAULT_OPSGENIE_API_URL : opsgenieUrl,
        telegramUrl == null ? GlobalConfig.DEFAULT_TELEGRAM_API_URL : telegramUrl,
        SecretReader.read(m, "pagerduty_webhook_signing_secret", SecretReader.WhenUnset.ERROR),
        SecretReader.read(m, "slack_signing_secret", SecretReader.WhenUnset.ABSENT));
  }

  /**
   * A smarthost written as {@code ${SMTP_SMARTHOST}} with the variable unset is absent, not an
   * error: email receivers then run in dry-run, as on a laptop with no mail server.
   */
  static Optional<HostPort> smarthost(Value v) {
    EnvExpander.Expansion e = v == null ? null : v.expansion();
    if (e == null || !e.complete() || e.text().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HostPort.parse(e.text()));
    } catch (IllegalArgumentException ex) {
      v.error(ex.getMessage());
      return Optional.empty();
    }
  }
}
