package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.Fixtures;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The recorded Alertmanager configuration ({@code alertmanager-used.yml}, unchanged) with receivers
 * of the newer integration types appended to its {@code receivers:} list, as an operator would add
 * them.
 */
final class ReceiverFixtures {
  /** Types and fields Alertmanager 0.25 (and so amtool 0.25) knows: opsgenie, discord, telegram. */
  static final String KNOWN_TO_ALERTMANAGER_025 = """
      - name: opsgenie-eu
        opsgenie_configs:
          - api_key: 'not-a-real-key'
            api_url: 'https://api.eu.opsgenie.com/'
            priority: P2
            responders:
              - {type: team, name: platform-oncall}
              - {type: teams, name: 'dba,network'}
              - {type: user, username: ana@tta.dev}
            tags: 'tta,api'
            note: 'paged by alert-router'
            update_alerts: true
      - name: discord
        discord_configs:
          - webhook_url: 'https://discord.com/api/webhooks/1234567890/not-a-real-token'
            title: '{{ template "discord.default.title" . }}'
      - name: telegram
        telegram_configs:
          - bot_token: '123456:not-a-real-token'
            chat_id: -1001234567890
            parse_mode: HTML
            disable_notifications: true
      """;

  /** Types and fields newer Alertmanagers know, and 0.25 refuses: msteams, msteamsv2, Telegram topics. */
  static final String NEWER = """
      - name: teams
        msteams_configs:
          - webhook_url: 'https://tta.webhook.office.com/webhookb2/not-a-real-id/IncomingWebhook/x/y'
        msteamsv2_configs:
          - webhook_url: 'https://prod-00.westeurope.logic.azure.com/workflows/not-a-real-id/triggers/manual/paths/invoke'
            title: 'Alert'
      - name: telegram-topic
        telegram_configs:
          - bot_token: '123456:not-a-real-token'
            chat_id: -1001234567890
            message_thread_id: 7
      """;

  private ReceiverFixtures() {}

  static String recordedConfig() throws IOException {
    String recorded = Files.readString(Fixtures.ALERTMANAGER_CONFIG);
    if (!recorded.strip().endsWith("max_alerts: 2 } ]")) {
      throw new IllegalStateException("the recorded configuration no longer ends with its receivers list");
    }
    return recorded.endsWith("\n") ? recorded : recorded + "\n";
  }

  static String withAlertmanager025Types() throws IOException {
    return recordedConfig() + KNOWN_TO_ALERTMANAGER_025;
  }

  static String withEveryType() throws IOException {
    return withAlertmanager025Types() + NEWER;
  }
}
