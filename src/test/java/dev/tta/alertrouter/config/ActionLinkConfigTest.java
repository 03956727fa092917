package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.errorAt;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.action_links_ttl} and the PagerDuty webhook signing secrets. */
class ActionLinkConfigTest {
  @TempDir Path dir;

  @Test
  void theTtlDefaultsToADayAndMayBeSet() {
    RouterConfig defaults = loaded(load(write(dir, "a.yml", "route: {receiver: r}\nreceivers: [{name: r}]\n")));
    assertEquals(Duration.ofHours(24), defaults.server().actionLinksTtl());

    RouterConfig set = loaded(load(write(dir, "b.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        server: {action_links_ttl: 4h}
        """)));
    assertEquals(Duration.ofHours(4), set.server().actionLinksTtl());
  }

  @Test
  void aZeroTtlIsAnErrorNamingFileLineAndKey() {
    LoadResult result = load(write(dir, "c.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        server:
          action_links_ttl: 0s
        """));

    ConfigError error = errorAt(result, "server.action_links_ttl");
    assertTrue(error.toString().startsWith(dir.resolve("c.yml") + ":4: server.action_links_ttl: must be longer"), error.toString());
  }

  @Test
  void signingSecretsComeFromFilesOrTheEnvironmentAndAreNeverPrinted() {
    write(dir, "secrets/pd-webhook", "whsec-integration-1x9\n");
    LoadResult result = load(write(dir, "d.yml", """
        global:
          pagerduty_webhook_signing_secret: ${PD_WEBHOOK_SECRET}
        route: {receiver: r}
        receivers:
          - name: r
            pagerduty_configs:
              - routing_key: R0UT1NGKEY0123456789abcdefABCDEF
                webhook_signing_secret_file: secrets/pd-webhook
        """), Map.of("PD_WEBHOOK_SECRET", "whsec-global-7q2"));
    RouterConfig config = loaded(result);

    assertEquals("whsec-global-7q2", config.global().pagerdutyWebhookSigningSecret().orElseThrow().reveal());
    assertEquals("whsec-integration-1x9",
        config.receiver("r").orElseThrow().pagerDutyConfigs().get(0).webhookSigningSecret().orElseThrow().reveal());
    assertFalse(config.toString().contains("whsec-"), "masked in toString");
  }

  @Test
  void inlineSigningSecretsAreMaskedInTheConfigurationAsShown() {
    Path file = write(dir, "f.yml", """
        global:
          pagerduty_webhook_signing_secret: whsec-global-inline
        route: {receiver: r}
        receivers:
          - name: r
            pagerduty_configs:
              - routing_key: R0UT1NGKEY0123456789abcdefABCDEF
                webhook_signing_secret: whsec-integration-inline
        """);

    String shown = MaskedConfig.of(java.util.List.of(file));

    assertFalse(shown.contains("whsec-"), shown);
    assertTrue(shown.contains("webhook_signing_secret: <secret>"), shown);
  }

  @Test
  void bothFormsOfOneSecretAreAnError() {
    LoadResult result = load(write(dir, "e.yml", """
        route: {receiver: r}
        receivers:
          - name: r
            pagerduty_configs:
              - routing_key: R0UT1NGKEY0123456789abcdefABCDEF
                webhook_signing_secret: a
                webhook_signing_secret_file: b
        """));

    assertFalse(result.ok());
    assertTrue(result.errors().stream().anyMatch(e -> e.message().contains("webhook_signing_secret_file")),
        result.errors().toString());
  }
}
