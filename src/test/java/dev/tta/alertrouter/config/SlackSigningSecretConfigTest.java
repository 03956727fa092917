package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code global.slack_signing_secret(_file)} and {@code slack_configs[].signing_secret(_file)}. */
class SlackSigningSecretConfigTest {
  @TempDir Path dir;

  @Test
  void everyConfiguredSecretIsOfferedOnceAndMasked() {
    TestConfigs.write(dir, "signing-secret", "from-a-file\n");
    Path file = TestConfigs.write(dir, "am.yml", """
        global:
          slack_signing_secret_file: signing-secret
        route: {receiver: a}
        receivers:
          - name: a
            slack_configs:
              - {bot_token: xoxb-1, channel: '#a', signing_secret: '${OTHER_APP}'}
              - {bot_token: xoxb-1, channel: '#b', signing_secret: from-a-file}
          - name: b
            slack_configs:
              - {api_url: 'https://hooks.slack.com/services/T/B/X'}
        """);

    RouterConfig config = TestConfigs.loaded(TestConfigs.load(file, Map.of("OTHER_APP", "second-app")));

    assertEquals(List.of("from-a-file", "second-app"),
        config.slackSigningSecrets().stream().map(Secret::reveal).toList());
    assertTrue(config.receivers().get(0).slackConfigs().get(0).interactive());
    assertFalse(config.receivers().get(1).slackConfigs().get(0).interactive(), "a webhook cannot update its messages");
    String masked = MaskedConfig.of(config.sources());
    assertFalse(masked.contains("second-app") || masked.contains("from-a-file"), masked);
  }

  @Test
  void bothFormsAtOnceAreAnErrorNamingTheKey() {
    Path file = TestConfigs.write(dir, "am.yml", """
        route: {receiver: a}
        receivers:
          - name: a
            slack_configs:
              - {bot_token: xoxb-1, channel: '#a', signing_secret: x, signing_secret_file: /nowhere}
        """);

    ConfigError error = TestConfigs.errorAt(TestConfigs.load(file), "receivers[0].slack_configs[0].signing_secret_file");

    assertEquals("at most one of signing_secret & signing_secret_file must be configured", error.message());
  }
}
