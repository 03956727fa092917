package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.GlobalConfig;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.MSTeamsConfig;
import dev.tta.alertrouter.config.OpsgenieConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.TelegramConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded Alertmanager configuration extended with every new receiver type, as check-config and the loader read it. */
class NewReceiversCheckConfigTest {
  @TempDir Path dir;

  private LoadResult load(String yaml, Map<String, String> env) throws IOException {
    return new ConfigLoader(env).load(Files.writeString(dir.resolve("alertmanager.yml"), yaml));
  }

  private static ReceiverConfig receiver(LoadResult result, String name) {
    assertTrue(result.ok(), () -> result.errors().toString());
    return result.config().receiver(name).orElseThrow();
  }

  @Test
  void theRecordedConfigWithEveryNewTypeLoadsAndIsSummarised() throws IOException {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), ReceiverFixtures.withEveryType());

    CheckConfigCommandTest.Run r = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains(" - 7 receivers\n"), r.out());
    assertTrue(r.out().contains(
        " - integrations: 2 webhook, 1 msteams, 1 msteamsv2, 1 opsgenie, 1 discord, 2 telegram\n"), r.out());
    assertTrue(r.out().contains("discord_configs[0]: title holds Alertmanager Go templates"), r.out());
    assertFalse(r.out().contains("not-a-real"), "no secret in the summary: " + r.out());
  }

  @Test
  void fieldsAndDefaultsAreAlertmanagers() throws IOException {
    LoadResult result = load(ReceiverFixtures.withEveryType(), Map.of());

    OpsgenieConfig opsgenie = receiver(result, "opsgenie-eu").opsgenieConfigs().get(0);
    assertEquals(GlobalConfig.OPSGENIE_EU_API_URL, opsgenie.apiUrl());
    assertEquals(Optional.of("P2"), opsgenie.priority());
    assertTrue(opsgenie.sendResolved());
    assertTrue(opsgenie.updateAlerts());
    assertEquals(List.of("tta", "api"), opsgenie.tags());
    assertEquals(List.of("platform-oncall", "dba", "network"),
        opsgenie.responders().stream().map(r -> r.name().orElse(r.username().orElse(""))).toList().subList(0, 3));
    assertEquals("team", opsgenie.responders().get(1).type(), "a teams responder is one team per name");
    TelegramConfig telegram = receiver(result, "telegram").telegramConfigs().get(0);
    assertEquals("https://api.telegram.org", telegram.apiUrl());
    assertEquals(-1001234567890L, telegram.chatId());
    assertTrue(telegram.disableNotifications());
    assertEquals(Optional.of(7L), receiver(result, "telegram-topic").telegramConfigs().get(0).messageThreadId());
    ReceiverConfig teams = receiver(result, "teams");
    assertEquals(List.of(MSTeamsConfig.TYPE, MSTeamsConfig.TYPE_V2),
        teams.msteamsConfigs().stream().map(MSTeamsConfig::type).toList());
    assertTrue(teams.msteamsConfigs().stream().allMatch(MSTeamsConfig::sendResolved));
    assertTrue(receiver(result, "discord").discordConfigs().get(0).sendResolved());
  }

  @Test
  void globalDefaultsReachTheIntegrations() throws IOException {
    LoadResult result = load("""
        global:
          opsgenie_api_key: ${OPSGENIE_API_KEY}
          opsgenie_api_url: https://api.eu.opsgenie.com/
          telegram_api_url: http://127.0.0.1:8081
        route: {receiver: r}
        receivers:
          - name: r
            opsgenie_configs: [{}]
            telegram_configs: [{bot_token_file: token.txt, chat_id: 42}]
        """.replace("token.txt", Files.writeString(dir.resolve("token.txt"), "123:abc\n").toString()),
        Map.of("OPSGENIE_API_KEY", "from-the-environment"));

    ReceiverConfig r = receiver(result, "r");
    assertEquals("from-the-environment", r.opsgenieConfigs().get(0).apiKey().orElseThrow().reveal());
    assertEquals(GlobalConfig.OPSGENIE_EU_API_URL, r.opsgenieConfigs().get(0).apiUrl());
    assertEquals("http://127.0.0.1:8081", r.telegramConfigs().get(0).apiUrl());
    assertEquals("123:abc", r.telegramConfigs().get(0).botToken().orElseThrow().reveal());
    assertEquals("https://api.opsgenie.com/", GlobalConfig.defaults().opsgenieApiUrl());
  }

  @Test
  void anUnsetSecretRunsInDryRunWithAWarning() throws IOException {
    LoadResult result = load("""
        route: {receiver: r}
        receivers:
          - name: r
            discord_configs: [{webhook_url: '${DISCORD_WEBHOOK_URL}'}]
            msteamsv2_configs: [{webhook_url: '${TEAMS_WORKFLOW_URL}'}]
            telegram_configs: [{bot_token: '${TELEGRAM_BOT_TOKEN}', chat_id: 42}]
            opsgenie_configs: [{api_key: '${OPSGENIE_API_KEY}'}]
        """, Map.of());

    ReceiverConfig r = receiver(result, "r");
    assertTrue(r.discordConfigs().get(0).dryRun());
    assertTrue(r.msteamsConfigs().get(0).dryRun());
    assertTrue(r.telegramConfigs().get(0).dryRun());
    assertTrue(r.opsgenieConfigs().get(0).dryRun());
    assertEquals(4, result.warnings().stream().filter(w -> w.contains("it will run in dry-run")).count(),
        result.warnings().toString());
  }

  @Test
  void anotherParseModeIsWarnedAboutAndHtmlIsUsed() throws IOException {
    LoadResult result = load("""
        route: {receiver: r}
        receivers:
          - name: r
            telegram_configs: [{bot_token: x, chat_id: 42, parse_mode: MarkdownV2}]
        """, Map.of());

    receiver(result, "r");
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("parse_mode \"MarkdownV2\" is ignored")),
        result.warnings().toString());
  }

  @Test
  void anUnsupportedIntegrationIsNamedAndHidesNoOtherError() throws IOException {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: default
          group_wait: soon
        receivers:
          - name: default
            victorops_configs: [{api_key: not-a-key, routing_key: ops}]
            webex_configs: [{room_id: x}]
            telegram_configs: [{bot_token: not-a-token}]
        """);

    CheckConfigCommandTest.Run r = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString());

    assertEquals(1, r.exitCode());
    List<String> lines = r.errLines();
    assertEquals("Checking '" + file + "'  FAILED: 4 errors", lines.get(0));
    assertTrue(lines.contains(file + ":3: route.group_wait: not a valid duration string: \"soon\" (use e.g. 30s, 5m, 1h30m, 1d)"),
        r.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":6: receivers[0].victorops_configs: victorops is not"
        + " supported by alert-router (it supports discord, email, msteams, msteamsv2, opsgenie, pagerduty, slack,"
        + " telegram, webhook)")), r.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":7: receivers[0].webex_configs: webex is not supported")),
        r.err());
    assertTrue(lines.contains(file + ":8: receivers[0].telegram_configs[0].chat_id: missing chat_id on telegram_config"),
        r.err());
    assertFalse(r.err().contains("Apart from"), "there are other errors: " + r.err());
    assertFalse(r.err().contains("not-a-key"));
  }

  @Test
  void aFileWhoseOnlyErrorsAreUnsupportedIntegrationsIsSaidToBeOtherwiseValid() throws IOException {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: default
        receivers:
          - name: default
            pushover_configs: [{user_key: not-a-key, token: not-a-token}]
            sns_configs: [{topic_arn: 'arn:aws:sns:us-east-2:123456789012:alerts'}]
        """);

    CheckConfigCommandTest.Run r = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString());

    assertEquals(1, r.exitCode());
    List<String> lines = r.errLines();
    assertEquals("Checking '" + file + "'  FAILED: 2 errors", lines.get(0));
    assertTrue(lines.get(1).startsWith(file + ":5: receivers[0].pushover_configs: pushover is not supported"), r.err());
    assertTrue(lines.get(2).startsWith(file + ":6: receivers[0].sns_configs: sns is not supported"), r.err());
    assertEquals("Apart from the unsupported integrations above, the configuration is valid.", lines.get(3));
  }

  @Test
  void aBrokenOrUnknownTemplateIsAnErrorAtItsKey() throws IOException {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), """
        route: {receiver: r}
        receivers:
          - name: r
            telegram_configs:
              - bot_token: not-a-token
                chat_id: 42
                templates:
                  message: '{{ summary '
                  title: 'Telegram messages have no title'
            discord_configs:
              - webhook_url: https://discord.com/api/webhooks/1/not-a-token
                templates: {content: '{{ summary }} {{ runbookUrl }}'}
        """);

    CheckConfigCommandTest.Run r = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString());

    assertEquals(1, r.exitCode(), r.out());
    List<String> lines = r.errLines();
    assertEquals("Checking '" + file + "'  FAILED: 2 errors", lines.get(0), r.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":8: receivers[0].telegram_configs[0].templates.message:"
        + " receiver r: template does not compile")), r.err());
    assertTrue(lines.contains(file + ":9: receivers[0].telegram_configs[0].templates.title: receiver r: unknown"
        + " telegram template \"title\" (known: message)"), r.err());
  }
}
