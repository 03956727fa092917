package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.RouterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mute package fed by the real config loader, deprecated inhibit forms included. */
class LoadedConfigMuteTest {
  private static final Instant TUESDAY_10_LONDON = Instant.parse("2024-05-07T09:00:00Z");

  private static RouterConfig load(Path dir) throws IOException {
    Path file = dir.resolve("alertmanager.yml");
    Files.writeString(file, """
        route:
          receiver: default
          routes:
            - matchers: ['priority="P2"']
              receiver: p2-email
              active_time_intervals: [business-hours]
        receivers:
          - name: default
          - name: p2-email
        inhibit_rules:
          - source_match:
              alertname: TTAServiceDown
            source_match_re:
              environment: prod|staging
            target_match:
              alertname: TTAHighLatency
            equal: [service]
        time_intervals:
          - name: business-hours
            time_intervals:
              - times:
                  - start_time: "09:00"
                    end_time: "17:00"
                weekdays: ['monday:friday']
                location: Europe/London
        """);
    LoadResult result = new ConfigLoader(Map.of()).load(file);
    assertTrue(result.ok(), result.errors().toString());
    return result.config();
  }

  private static Alert firing(String... labels) {
    return new Alert(Labels.of(labels), Map.of(), TUESDAY_10_LONDON, null, "", TUESDAY_10_LONDON);
  }

  @Test
  void deprecatedSourceMatchFormsInhibitAsWritten(@TempDir Path dir) throws IOException {
    RouterConfig config = load(dir);
    Inhibitor inhibitor = new Inhibitor(config.inhibitRules(), new ManualClock(TUESDAY_10_LONDON));
    inhibitor.onAlerts(List.of(
        firing("alertname", "TTAServiceDown", "environment", "prod", "service", "api"),
        firing("alertname", "TTAServiceDown", "environment", "dev", "service", "db")));

    assertTrue(inhibitor.isInhibited(Labels.of("alertname", "TTAHighLatency", "service", "api"), TUESDAY_10_LONDON)
        .isPresent());
    assertFalse(inhibitor.isInhibited(Labels.of("alertname", "TTAHighLatency", "service", "db"), TUESDAY_10_LONDON)
        .isPresent(), "environment=dev does not match the source_match_re");
    InhibitionReason reason = inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "api"), TUESDAY_10_LONDON).orElseThrow();
    assertEquals(11, reason.ruleLocation().line(), "the rule's line in alertmanager.yml");
    assertTrue(reason.ruleLocation().file().endsWith("alertmanager.yml"), reason.ruleLocation().file());
  }

  @Test
  void loadedBusinessHoursHoldLondonOfficeTime(@TempDir Path dir) throws IOException {
    TimeIntervals intervals = new TimeIntervals(load(dir).timeIntervals().values());

    assertTrue(intervals.contains("business-hours", TUESDAY_10_LONDON));
    assertFalse(intervals.contains("business-hours", Instant.parse("2024-05-07T16:00:00Z")), "17:00 BST");
    assertTrue(intervals.contains("business-hours", Instant.parse("2024-01-09T16:59:00Z")), "16:59 GMT");
    assertFalse(intervals.contains("business-hours", Instant.parse("2024-05-11T09:00:00Z")), "Saturday");
  }
}
