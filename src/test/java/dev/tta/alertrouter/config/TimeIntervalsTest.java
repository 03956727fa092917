package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.errorAt;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeIntervalsTest {
  @TempDir Path dir;

  private LoadResult loadInterval(String field, String value) {
    return load(write(dir, "ti.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: window
            time_intervals:
              - %s: [%s]
        """.formatted(field, value)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "weekdays; 'monday:friday'; 1; 5",
      "weekdays; 'Saturday'; 6; 6",
      "days_of_month; '1:5'; 1; 5",
      "days_of_month; '-3:-1'; -3; -1",
      "days_of_month; '1:-1'; 1; -1",
      "months; 'january:march'; 1; 3",
      "months; '4:6'; 4; 6",
      "years; '2020:2022'; 2020; 2022",
  })
  void rangesParseAsAlertmanagerDoes(String field, String value, int begin, int end) {
    TimeIntervalSpec spec = loaded(loadInterval(field, value)).timeIntervals().get("window").intervals().get(0);
    List<TimeIntervalSpec.InclusiveRange> ranges = switch (field) {
      case "weekdays" -> spec.weekdays();
      case "days_of_month" -> spec.daysOfMonth();
      case "months" -> spec.months();
      default -> spec.years();
    };
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(begin, end)), ranges);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "weekdays; 'saturday:sunday'; start day cannot be before end day",
      "weekdays; 'someday'; someday is not a valid weekday",
      "weekdays; 'monday:tuesday:friday'; couldn't parse range monday:tuesday:friday, invalid format",
      "days_of_month; '0'; 0 is not a valid day of the month: out of range",
      "days_of_month; '32'; 32 is not a valid day of the month: out of range",
      "days_of_month; '-3:5'; end day must be negative if start day is negative",
      "days_of_month; '10:2'; end day 2 is always before start day 10",
      "months; 'march:january'; end month january is before start month march",
      "months; 'smarch'; smarch is not a valid month",
      "months; '13'; 13 is not a valid month: out of range",
      "years; '2022:2020'; end year 2020 is before start year 2022",
  })
  void badRangesAreErrorsWithAlertmanagersMessages(String field, String value, String message) {
    ConfigError e = errorAt(loadInterval(field, value), "time_intervals[0].time_intervals[0]." + field + "[0]");
    assertEquals(6, e.location().line());
    assertEquals(message, e.message());
  }

  @Test
  void timesAndLocationParse() {
    Path file = write(dir, "ti.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: office
            time_intervals:
              - times: [{start_time: "09:00", end_time: "17:30"}, {start_time: "22:00", end_time: "24:00"}]
                location: Europe/Berlin
              - location: Local
        """);
    List<TimeIntervalSpec> specs = loaded(load(file)).timeIntervals().get("office").intervals();
    assertEquals(List.of(new TimeIntervalSpec.TimeRange(540, 1050), new TimeIntervalSpec.TimeRange(1320, 1440)),
        specs.get(0).times());
    assertEquals(ZoneId.of("Europe/Berlin"), specs.get(0).location());
    assertEquals(ZoneId.systemDefault(), specs.get(1).location());
  }

  @ParameterizedTest(name = "{0}-{1}")
  @CsvSource({
      "17:00, 09:00, time_intervals[0].time_intervals[0].times[0], start time cannot be equal or greater than end time",
      "9:00, 17:00, time_intervals[0].time_intervals[0].times[0].start_time, 'couldn''t parse timestamp 9:00, invalid format (want HH:MM, 00:00 to 24:00)'",
      "09:00, 24:01, time_intervals[0].time_intervals[0].times[0].end_time, 'couldn''t parse timestamp 24:01, invalid format (want HH:MM, 00:00 to 24:00)'",
      "'', 17:00, time_intervals[0].time_intervals[0].times[0], both start and end times must be provided",
  })
  void badTimesAreErrors(String start, String end, String key, String message) {
    Path file = write(dir, "ti.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: office
            time_intervals:
              - times:
                  - {start_time: "%s", end_time: "%s"}
        """.formatted(start, end));
    ConfigError e = errorAt(load(file), key);
    assertEquals(7, e.location().line());
    assertEquals(message, e.message());
  }

  @Test
  void unknownLocationIsAnError() {
    ConfigError e = errorAt(load(write(dir, "ti.yml", """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: office
            time_intervals:
              - location: Mars/Olympus
        """)), "time_intervals[0].time_intervals[0].location");
    assertEquals("unknown time zone Mars/Olympus", e.message());
  }
}
