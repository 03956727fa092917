package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.TemplateFallbackListener;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.template.TestConfigs;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Email configs loaded the way the server loads them, and the notifications the email tests send. */
final class EmailTestSetup {
  static final Instant STARTS = Instant.parse("2026-11-24T19:08:19Z");
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");

  private EmailTestSetup() {}

  /** The first email config of receiver {@code platform}, written as YAML under {@code email_configs:}. */
  static EmailConfig config(Path dir, String emailConfigYaml, Map<String, String> env) {
    String yaml = """
        route: {receiver: platform}
        receivers:
          - name: platform
            email_configs:
        """ + emailConfigYaml.indent(6);
    return TestConfigs.receiver(dir, yaml, env, "platform").emailConfigs().get(0);
  }

  static MessageTemplates templates(EmailConfig config) {
    var compiled = new Templates(TemplateFallbackListener.NONE).email("platform", 0, config);
    if (!compiled.ok()) {
      throw new AssertionError(compiled.errors().toString());
    }
    return compiled.templates();
  }

  static EmailNotifier notifier(EmailConfig config) {
    return new EmailNotifier(config, templates(config), TestNotifications.LINKS);
  }

  static Notification databaseDown(String summary) {
    return TestNotifications.notification("platform", Labels.of("alertname", "TTADatabaseDown"), NOW, List.of(
        TestNotifications.alert(Map.of("alertname", "TTADatabaseDown", "priority", "P0", "service", "db",
                "environment", "production", "team", "platform"),
            Map.of("summary", summary, "description", "Primary is not accepting connections",
                "runbook_url", "https://runbooks.tta.dev/database-issues"),
            STARTS, null, "http://prometheus:9090/graph?g0.expr=pg_up%3D%3D0")));
  }
}
