package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Alertmanager's {@code global:} section: defaults that receivers inherit. The loader has already
 * copied them into each integration, so notifiers read their own config only.
 *
 * @param resolveTimeout for alerts pushed without {@code endsAt} (default 5m)
 * @param smtpHello default "localhost"
 * @param smtpRequireTls default true
 * @param pagerdutyUrl default {@value #DEFAULT_PAGERDUTY_URL}
 * @param opsgenieApiKey {@code opsgenie_api_key} or {@code opsgenie_api_key_file}
 * @param opsgenieApiUrl default {@value #DEFAULT_OPSGENIE_API_URL} (EU accounts: {@value #OPSGENIE_EU_API_URL})
 * @param telegramApiUrl default {@value #DEFAULT_TELEGRAM_API_URL}
 * @param pagerdutyWebhookSigningSecret checks PagerDuty v3 webhooks besides each integration's own
 *     {@code webhook_signing_secret} ({@code pagerduty_webhook_signing_secret} or its {@code _file})
 * @param slackSigningSecret {@code slack_signing_secret(_file)}: a Slack app's signing secret that
 *     verifies {@code POST /api/v1/slack/interactions}, beside each {@code slack_configs[].signing_secret}
 */
public record GlobalConfig(
    Duration resolveTimeout,
    HttpClientConfig httpConfig,
    Optional<String> smtpFrom,
    String smtpHello,
    Optional<HostPort> smtpSmarthost,
    Optional<String> smtpAuthUsername,
    Optional<Secret> smtpAuthPassword,
    Optional<String> smtpAuthIdentity,
    Optional<Secret> smtpAuthSecret,
    boolean smtpRequireTls,
    Optional<Secret> slackApiUrl,
    String pagerdutyUrl,
    Optional<Secret> opsgenieApiKey,
    String opsgenieApiUrl,
    String telegramApiUrl,
    Optional<Secret> pagerdutyWebhookSigningSecret,
    Optional<Secret> slackSigningSecret) {

  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  public static final String DEFAULT_SMTP_HELLO = "localhost";
  public static final String DEFAULT_PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue";
  public static final String DEFAULT_OPSGENIE_API_URL = "https://api.opsgenie.com/";
  public static final String OPSGENIE_EU_API_URL = "https://api.eu.opsgenie.com/";
  public static final String DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";

  public GlobalConfig {
    Objects.requireNonNull(resolveTimeout, "resolveTimeout");
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(smtpFrom, "smtpFrom");
    Objects.requireNonNull(smtpHello, "smtpHello");
    Objects.requireNonNull(smtpSmarthost, "smtpSmarthost");
    Objects.requireNonNull(smtpAuthUsername, "smtpAuthUsername");
    Objects.requireNonNull(smtpAuthPassword, "smtpAuthPassword");
    Objects.requireNonNull(smtpAuthIdentity, "smtpAuthIdentity");
    Objects.requireNonNull(smtpAuthSecret, "smtpAuthSecret");
    Objects.requireNonNull(slackApiUrl, "slackApiUrl");
    Objects.requireNonNull(pagerdutyUrl, "pagerdutyUrl");
    Objects.requireNonNull(opsgenieApiKey, "opsgenieApiKey");
    Objects.requireNonNull(opsgenieApiUrl, "opsgenieApiUrl");
    Objects.requireNonNull(telegramApiUrl, "telegramApiUrl");
    Objects.requireNonNull(pagerdutyWebhookSigningSecret, "pagerdutyWebhookSigningSecret");
    Objects.requireNonNull(slackSigningSecret, "slackSigningSecret");
  }

  public static GlobalConfig defaults() {
    return new GlobalConfig(DEFAULT_RESOLVE_TIMEOUT, HttpClientConfig.defaults(), Optional.empty(),
        DEFAULT_SMTP_HELLO, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), true, Optional.empty(), DEFAULT_PAGERDUTY_URL, Optional.empty(),
        DEFAULT_OPSGENIE_API_URL, DEFAULT_TELEGRAM_API_URL, Optional.empty(), Optional.empty());
  }
}
