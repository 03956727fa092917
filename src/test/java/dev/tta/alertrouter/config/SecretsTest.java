package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.errorAt;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  private static final String ROUTING_KEY = "pd-routing-key-7f3a9c";
  private static final String SLACK_URL = "https://hooks.slack.com/services/T1/B2/slack-secret-91x";
  private static final String HOOK_URL = "https://hooks.tta.dev/token-abc-secret";
  private static final String SMTP_PASSWORD = "smtp-password-q8z";

  @TempDir Path dir;

  @Test
  void secretsComeFromFilesAndEnvironmentAndAreNeverPrinted() {
    write(dir, "secrets/pagerduty-key", ROUTING_KEY + "\n");
    write(dir, "secrets/hook-url", HOOK_URL);
    Path file = write(dir, "config.yml", """
        global:
          smtp_smarthost: smtp.tta.dev:587
          smtp_from: alerts@tta.dev
          smtp_auth_username: alerts
          smtp_auth_password: ${SMTP_PASSWORD}
        route:
          receiver: critical
        receivers:
          - name: critical
            pagerduty_configs:
              - routing_key_file: secrets/pagerduty-key
            slack_configs:
              - api_url: ${SLACK_WEBHOOK_URL}
            webhook_configs:
              - url_file: secrets/hook-url
            email_configs:
              - to: oncall@tta.dev
        """);
    LoadResult result = load(file, Map.of("SLACK_WEBHOOK_URL", SLACK_URL, "SMTP_PASSWORD", SMTP_PASSWORD));
    RouterConfig c = loaded(result);

    ReceiverConfig r = c.receiver("critical").orElseThrow();
    assertEquals(ROUTING_KEY, r.pagerDutyConfigs().get(0).routingKey().orElseThrow().reveal(),
        "read from a path relative to the config file, trailing newline removed");
    assertEquals(SLACK_URL, r.slackConfigs().get(0).apiUrl().orElseThrow().reveal());
    assertEquals(HOOK_URL, r.webhookConfigs().get(0).url().orElseThrow().reveal());
    assertEquals(SMTP_PASSWORD, r.emailConfigs().get(0).authPassword().orElseThrow().reveal());
    assertEquals(List.of(), result.warnings());
    assertNoSecretIn(c.toString() + result.warnings());
  }

  @Test
  void unsetVariableInASecretLeavesTheIntegrationInDryRun() {
    Path file = write(dir, "config.yml", """
        route:
          receiver: critical
        receivers:
          - name: critical
            pagerduty_configs:
              - routing_key: ${PAGERDUTY_ROUTING_KEY}
            slack_configs:
              - channel: '#tta-critical'
            webhook_configs:
              - url: ${HOOK_URL}
            email_configs:
              - to: oncall@tta.dev
                from: alerts@tta.dev
        """);
    LoadResult result = load(file);
    RouterConfig c = loaded(result);

    ReceiverConfig r = c.receiver("critical").orElseThrow();
    assertTrue(r.pagerDutyConfigs().get(0).dryRun());
    assertTrue(r.slackConfigs().get(0).dryRun());
    assertTrue(r.webhookConfigs().get(0).dryRun());
    assertTrue(r.emailConfigs().get(0).dryRun());
    assertEquals(List.of(
        "receiver critical: slack_configs[0].api_url is unset; it will run in dry-run",
        "receiver critical: pagerduty_configs[0].routing_key is unset; it will run in dry-run",
        "receiver critical: email_configs[0].smarthost is unset; it will run in dry-run",
        "receiver critical: webhook_configs[0].url is unset; it will run in dry-run"), result.warnings());
  }

  @Test
  void slackBotTokenComesFromEnvironment() {
    Path file = write(dir, "config.yml", """
        route: {receiver: default}
        receivers:
          - name: default
            slack_configs:
              - bot_token: ${SLACK_BOT_TOKEN}
                channel: '#tta-alerts'
                api_base_url: http://127.0.0.1:3000/api/
        """);
    RouterConfig c = loaded(load(file, Map.of("SLACK_BOT_TOKEN", "xoxb-secret-token")));
    SlackConfig slack = c.receivers().get(0).slackConfigs().get(0);
    assertEquals("xoxb-secret-token", slack.botToken().orElseThrow().reveal());
    assertEquals(Optional.empty(), slack.apiUrl());
    assertEquals("http://127.0.0.1:3000/api/", slack.apiBaseUrl());
    assertFalse(c.toString().contains("xoxb-secret-token"));
  }

  @Test
  void unsetVariableOutsideASecretIsAnError() {
    Path file = write(dir, "config.yml", """
        route:
          receiver: default
        receivers:
          - name: default
            slack_configs:
              - channel: ${SLACK_CHANNEL}
                api_url: https://hooks.slack.com/services/x
        """);
    ConfigError e = errorAt(load(file), "receivers[0].slack_configs[0].channel");
    assertEquals(6, e.location().line());
    assertEquals("environment variable ${SLACK_CHANNEL} not set", e.message());
  }

  @Test
  void unsetVariableInServerAuthIsAnErrorNotOpenAccess() {
    Path file = write(dir, "config.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        server:
          intake_auth:
            bearer_token: ${INTAKE_TOKEN}
        """);
    ConfigError e = errorAt(load(file), "server.intake_auth.bearer_token");
    assertEquals("environment variable ${INTAKE_TOKEN} not set", e.message());
  }

  @Test
  void badSecretUrlIsReportedWithoutItsText() {
    Path file = write(dir, "config.yml", """
        route: {receiver: default}
        receivers:
          - name: default
            slack_configs:
              - api_url: ${SLACK_WEBHOOK_URL}
        """);
    LoadResult result = load(file, Map.of("SLACK_WEBHOOK_URL", "hooks.slack.com/services/slack-secret-91x"));
    ConfigError e = errorAt(result, "receivers[0].slack_configs[0].api_url");
    assertEquals("unsupported scheme for URL (want http or https)", e.message());
    assertNoSecretIn(result.errors().toString());
  }

  @Test
  void unreadableSecretFileIsAnErrorNamingTheKey() {
    Path file = write(dir, "config.yml", """
        route: {receiver: default}
        receivers:
          - name: default
            webhook_configs:
              - url_file: missing/hook-url
        """);
    ConfigError e = errorAt(load(file), "receivers[0].webhook_configs[0].url_file");
    assertEquals(5, e.location().line());
    assertEquals("cannot read file \"" + dir.toAbsolutePath().resolve("missing/hook-url") + "\": no such file", e.message());
  }

  @Test
  void escapedDollarBraceStaysLiteral() {
    Path file = write(dir, "config.yml", """
        route:
          receiver: default
          routes:
            - matchers: ['path=~"/x/$${id}.*"', 'end=~"a$"']
        receivers: [{name: default}]
        """);
    assertEquals("[end=~\"a$\", path=~\"/x/${id}.*\"]",
        loaded(load(file)).route().routes().get(0).matchers().toString());
  }

  private static void assertNoSecretIn(String text) {
    for (String secret : List.of(ROUTING_KEY, SLACK_URL, HOOK_URL, SMTP_PASSWORD, "slack-secret-91x")) {
      assertFalse(text.contains(secret), "secret leaked: " + secret);
    }
  }
}
