package dev.tta.alertrouter.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The P0 group the Slack tests notify about: one alert whose summary tries to ping and to forge a link. */
final class SlackTestAlerts {
  static final String EVIL_SUMMARY = "<!channel> <https://evil|click> & co";
  static final Instant STARTS = Instant.parse("2026-11-24T19:08:19Z");
  static final Instant FIRING_AT = Instant.parse("2026-11-24T19:10:00Z");
  static final Instant ENDS = Instant.parse("2026-11-24T19:20:00Z");
  static final Instant RESOLVED_AT = Instant.parse("2026-11-24T19:21:00Z");
  static final Labels GROUP = Labels.of("alertname", "TTAServiceDown", "service", "router");

  private SlackTestAlerts() {}

  static Alert serviceDown(Instant endsAt) {
    return TestNotifications.alert(
        Map.of("alertname", "TTAServiceDown", "priority", "P0", "service", "router", "environment", "production",
            "team", "platform", "pod", "router-7d9f"),
        Map.of("summary", EVIL_SUMMARY, "description", "Router answers no requests",
            "runbook_url", "https://runbooks.tta.dev/service-down"),
        STARTS, endsAt, "http://prometheus:9090/graph?g0.expr=up%3D%3D0&g0.tab=1");
  }

  static Notification firing() {
    return TestNotifications.notification("team", GROUP, FIRING_AT, List.of(serviceDown(null)));
  }

  static Notification resolved() {
    return TestNotifications.notification("team", GROUP, RESOLVED_AT, List.of(serviceDown(ENDS)));
  }

  /** An expected payload; {@code {fingerprint}} stands for the alert's fingerprint, as the explain link has it. */
  static JsonNode expected(String file) {
    try {
      String json = Files.readString(Path.of("src/test/resources/slack", file));
      return new ObjectMapper().readTree(json.replace("{fingerprint}", serviceDown(null).fingerprint().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
