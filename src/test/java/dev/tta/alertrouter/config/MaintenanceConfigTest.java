package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Matcher;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintenance:}: what loads, and every mistake named by file, line and key. */
class MaintenanceConfigTest {
  @TempDir Path dir;

  @Test
  void namedAndInlineWindowsLoad() {
    Path file = write(dir, "am.yml", """
        route: {receiver: default}
        receivers: [{name: default}, {name: db-team}]
        time_intervals:
          - name: sunday-night
            time_intervals: [{weekdays: [sunday], times: [{start_time: '01:00', end_time: '04:00'}]}]
        maintenance:
          - name: db-patching
            matchers: ['service="db"']
            time_intervals: [sunday-night]
            owner: db-team
            until: 2027-04-30T00:00:00Z
          - name: office-backup
            matchers: ['job="backup"']
            interval:
              weekdays: [saturday]
              location: Europe/Berlin
            until: 2027-06-30T02:00:00+02:00
        """);

    RouterConfig config = loaded(load(file));

    MaintenanceWindow db = config.maintenance().get(0);
    assertEquals(List.of(Matcher.equal("service", "db")), db.matchers());
    assertEquals(List.of("sunday-night"), db.timeIntervals());
    assertEquals(Optional.of("db-team"), db.owner());
    assertEquals(Instant.parse("2027-04-30T00:00:00Z"), db.until());
    assertEquals(new SourceLocation(file.toString(), 7), db.location());
    MaintenanceWindow backup = config.maintenance().get(1);
    assertEquals(List.of("maintenance/office-backup"), backup.timeIntervals(), "the inline interval gets a name");
    assertEquals(ZoneId.of("Europe/Berlin"),
        config.timeIntervals().get("maintenance/office-backup").intervals().get(0).location());
    assertEquals(Optional.empty(), backup.owner());
    assertEquals(Instant.parse("2027-06-30T00:00:00Z"), backup.until());
  }

  @Test
  void mistakesAreRefusedWithFileLineAndKey() {
    Path file = write(dir, "am.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        maintenance:
          - name: db-patching
            matchers: ['service=~".*"']
            time_intervals: [sunday-night]
            owner: db-team
            until: next week
          - name: db-patching
            matchers: ['service="db"']
            until: 2027-04-30T00:00:00Z
          - name: both
            matchers: ['service="db" oops']
            time_intervals: [sunday-night]
            interval: {weekdays: [sunday]}
          - name: lunch
            matchers: ['service="api"']
            interval: {weekdays: [funday]}
            until: 2027-04-30T00:00:00Z
            every: 1w
        """);

    List<String> errors = load(file).errors().stream().map(ConfigError::toString).toList();

    assertEquals(List.of(
        file + ":5: maintenance[0].matchers: at least one matcher must not match the empty string (it would mute every alert)",
        file + ":6: maintenance[0].time_intervals[0]: undefined time interval \"sunday-night\"",
        file + ":7: maintenance[0].owner: undefined receiver \"db-team\"",
        file + ":8: maintenance[0].until: must be an RFC 3339 time such as 2027-06-30T00:00:00Z, got \"next week\"",
        file + ":9: maintenance[1].name: maintenance window \"db-patching\" is already defined at " + file + ":4",
        file + ":12: maintenance[2].until: a maintenance window needs until (when it ends for good, e.g. 2027-06-30T00:00:00Z)",
        file + ":13: maintenance[2].matchers[0]: matcher value contains unescaped double quote: \"db\" oops",
        file + ":13: maintenance[2].matchers: needs at least one matcher",
        file + ":15: maintenance[2].interval: give either time_intervals (names) or interval (one inline spec), not both",
        file + ":18: maintenance[3].interval.weekdays[0]: funday is not a valid weekday",
        file + ":20: maintenance[3].every: unknown key"),
        errors);
  }
}
