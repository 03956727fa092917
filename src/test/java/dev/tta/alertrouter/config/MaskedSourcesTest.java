package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form of secret masked so that the files still load elsewhere; {@link MaskedConfig} masks the URL secrets too. */
class MaskedSourcesTest {
  static final List<String> SECRETS = List.of("teamssecret", "discordsecret", "hooksecret", "opsgeniefilesecret",
      "proxyuser:proxypass", "telegramsecret", "smtpsecret");

  @TempDir Path dir;

  @Test
  void eachSecretBecomesAPlaceholderThatStillLoadsWithoutTheServersFilesOrEnvironment() throws Exception {
    Path secretFile = Files.writeString(dir.resolve("opsgenie-key"), "opsgeniefilesecret");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "a CA the server has and the replaying machine has not");
    Path config = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(config.resolve("main.yml"), """
        global: {smtp_smarthost: 'mail:25', smtp_from: 'a@b.c', smtp_auth_username: u, smtp_auth_password: smtpsecret}
        route: {receiver: all}
        receivers:
          - name: all
            msteams_configs: [{webhook_url: 'https://teams.example.com/teamssecret'}]
            discord_configs: [{webhook_url: 'https://discord.example.com/discordsecret'}]
            webhook_configs:
              - url: 'https://hooks.example.com/hooksecret'
                http_config:
                  proxy_url: 'http://proxyuser:proxypass@proxy:3128'
                  tls_config: {ca_file: '%s'}
            opsgenie_configs: [{api_key_file: '%s'}]
            telegram_configs: [{bot_token: telegramsecret, chat_id: 42}]
        """.formatted(ca, secretFile));
    LoadResult original = new ConfigLoader(Map.of()).load(config);
    assertTrue(original.ok(), original.errors().toString());

    Map<String, String> masked = MaskedSources.of(config, original.config().sources());
    assertEquals(List.of("main.yml"), List.copyOf(masked.keySet()));
    String text = masked.get("main.yml");
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), "holds " + secret + ":\n" + text);
    }
    assertFalse(text.contains(dir.toString()), "no path on the server: " + text);
    assertFalse(text.contains("tls_config"), text);
    assertTrue(text.contains("api_key: " + MaskedSources.PLACEHOLDER), text);
    assertTrue(text.contains("webhook_url: " + MaskedSources.PLACEHOLDER_URL), text);

    Path copy = Files.createDirectories(dir.resolve("copy"));
    Files.writeString(copy.resolve("main.yml"), text);
    LoadResult reloaded = new ConfigLoader(Map.of()).load(copy);
    assertTrue(reloaded.ok(), reloaded.errors().toString());
    assertEquals(original.config().receivers().size(), reloaded.config().receivers().size());

    String status = MaskedConfig.of(original.config().sources());
    for (String secret : List.of("teamssecret", "discordsecret", "hooksecret")) {
      assertFalse(status.contains(secret), "the v2 status masks " + secret + ":\n" + status);
    }
  }
}
