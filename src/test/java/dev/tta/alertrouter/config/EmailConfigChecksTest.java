package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.errorAt;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email addresses and headers are checked when the configuration loads, so that an alert cannot inject a header. */
class EmailConfigChecksTest {
  @TempDir Path dir;

  private LoadResult loadEmail(String emailConfig) {
    return load(write(dir, "am.yml", """
        route: {receiver: platform}
        receivers:
          - name: platform
            email_configs:
        """ + emailConfig.indent(6)));
  }

  @Test
  void addressesThatDoNotParseAreErrorsAtTheirKey() {
    LoadResult result = loadEmail("""
        - to: 'platform@tta.dev, not an address'
          from: 'router@'
          smarthost: smtp.tta.dev:587
        """);

    ConfigError to = errorAt(result, "receivers[0].email_configs[0].to");
    assertEquals(5, to.location().line());
    assertTrue(to.message().startsWith("invalid address \"platform@tta.dev, not an address\""), to.message());
    assertTrue(errorAt(result, "receivers[0].email_configs[0].from").message().startsWith("invalid address \"router@\""));
  }

  @Test
  void headerValueWithALineBreakIsAnError() {
    LoadResult result = loadEmail("""
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: smtp.tta.dev:587
          headers:
            X-Team: "platform\\r\\nBcc: everyone@evil.dev"
        """);

    ConfigError error = errorAt(result, "receivers[0].email_configs[0].headers.X-Team");
    assertEquals("a header value must not contain a line break or NUL (it would start another header)", error.message());
  }

  @Test
  void headerNamesMustBeValidAndNotTheMimeOnes() {
    LoadResult result = loadEmail("""
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: smtp.tta.dev:587
          headers:
            X Team: platform
            Content-Type: text/plain
            To: 'not an address'
        """);

    assertEquals("invalid header name \"X Team\": only printable ASCII, no spaces or ':'",
        errorAt(result, "receivers[0].email_configs[0].headers.X Team").message());
    assertEquals("header Content-Type is set by alert-router (the message is multipart text and HTML)",
        errorAt(result, "receivers[0].email_configs[0].headers.Content-Type").message());
    assertTrue(errorAt(result, "receivers[0].email_configs[0].headers.To").message().startsWith("invalid address"));
  }

  @Test
  void goTemplateInToIsAnErrorNotASilentFailure() {
    LoadResult result = loadEmail("""
        - to: '{{ .GroupLabels.team }}@tta.dev'
          from: router@tta.dev
          smarthost: smtp.tta.dev:587
        """);

    assertEquals("holds an Alertmanager Go template, which alert-router does not run; write the address itself",
        errorAt(result, "receivers[0].email_configs[0].to").message());
  }

  @Test
  void cramMd5SecretAloneLoadsWithAWarning() {
    LoadResult result = loadEmail("""
        - to: platform@tta.dev
          from: router@tta.dev
          smarthost: smtp.tta.dev:587
          auth_username: router
          auth_secret: not-a-real-secret
        """);

    assertTrue(result.ok(), result.errors().toString());
    assertEquals(List.of("receiver platform: email_configs[0].auth_secret: CRAM-MD5 is not supported by alert-router;"
        + " it authenticates with auth_password only"), result.warnings());
  }

  @Test
  void validSettingsLoadAsWritten() {
    LoadResult result = loadEmail("""
        - to: 'platform@tta.dev, "On Call" <oncall@tta.dev>'
          from: '"Alert Router" <router@tta.dev>'
          smarthost: smtp.tta.dev:587
          headers:
            reply-to: oncall@tta.dev
            X-Priority: '1'
          templates:
            subject: '{{ title }}'
        """);

    assertTrue(result.ok(), result.errors().toString());
    EmailConfig email = result.config().receivers().get(0).emailConfigs().get(0);
    assertEquals(java.util.Map.of("Reply-To", "oncall@tta.dev", "X-Priority", "1"), email.headers());
    assertEquals("{{ title }}", email.templates().get("subject").text());
    assertEquals("receivers[0].email_configs[0].templates.subject", email.templates().get("subject").key());
  }
}
