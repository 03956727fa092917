package dev.tta.alertrouter.mute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TimeIntervalConfig;
import dev.tta.alertrouter.config.TimeIntervalSpec;
import dev.tta.alertrouter.config.TimeIntervalSpec.InclusiveRange;
import dev.tta.alertrouter.config.TimeIntervalSpec.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeIntervalsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  static TimeIntervalSpec spec(List<TimeRange> times, List<InclusiveRange> weekdays, List<InclusiveRange> daysOfMonth,
      List<InclusiveRange> months, List<InclusiveRange> years, ZoneId location) {
    return new TimeIntervalSpec(times, weekdays, daysOfMonth, months, years, location);
  }

  static TimeIntervals intervals(String name, TimeIntervalSpec... specs) {
    return new TimeIntervals(List.of(new TimeIntervalConfig(name, List.of(specs), new SourceLocation("t.yml", 1))));
  }

  private static boolean in(TimeIntervalSpec spec, String instant) {
    return intervals("x", spec).contains("x", Instant.parse(instant));
  }

  private static InclusiveRange range(int begin, int end) {
    return new InclusiveRange(begin, end);
  }

  @Test
  void weekdayRangeMondayToFriday() {
    TimeIntervalSpec weekdays = spec(List.of(), List.of(range(1, 5)), List.of(), List.of(), List.of(), UTC);

    assertTrue(in(weekdays, "2024-05-06T00:00:00Z"), "Monday");
    assertTrue(in(weekdays, "2024-05-10T23:59:59Z"), "Friday");
    assertFalse(in(weekdays, "2024-05-11T12:00:00Z"), "Saturday");
    assertFalse(in(weekdays, "2024-05-12T12:00:00Z"), "Sunday");
  }

  @Test
  void sundayIsDayZeroAsInAlertmanager() {
    TimeIntervalSpec weekend = spec(List.of(), List.of(range(0, 0), range(6, 6)), List.of(), List.of(), List.of(), UTC);

    assertTrue(in(weekend, "2024-05-12T12:00:00Z"), "Sunday");
    assertTrue(in(weekend, "2024-05-11T12:00:00Z"), "Saturday");
    assertFalse(in(weekend, "2024-05-13T12:00:00Z"), "Monday");
  }

  @Test
  void timeRangeIncludesItsStartAndExcludesItsEnd() {
    TimeIntervalSpec business = spec(List.of(new TimeRange(9 * 60, 17 * 60)), List.of(), List.of(), List.of(), List.of(), UTC);

    assertFalse(in(business, "2024-05-06T08:59:59Z"));
    assertTrue(in(business, "2024-05-06T09:00:00Z"));
    assertTrue(in(business, "2024-05-06T16:59:59Z"));
    assertFalse(in(business, "2024-05-06T17:00:00Z"));
  }

  @Test
  void timeRangeMayRunToTheEndOfTheDay() {
    TimeIntervalSpec evening = spec(List.of(new TimeRange(17 * 60, 24 * 60)), List.of(), List.of(), List.of(), List.of(), UTC);

    assertTrue(in(evening, "2024-05-06T23:59:59Z"));
    assertFalse(in(evening, "2024-05-07T00:00:00Z"));
  }

  @Test
  void negativeDaysOfMonthCountFromTheMonthsEnd() {
    TimeIntervalSpec lastDay = spec(List.of(), List.of(), List.of(range(-1, -1)), List.of(), List.of(), UTC);

    assertTrue(in(lastDay, "2024-02-29T12:00:00Z"), "leap February ends on the 29th");
    assertFalse(in(lastDay, "2024-02-28T12:00:00Z"));
    assertTrue(in(lastDay, "2023-02-28T12:00:00Z"));
    assertTrue(in(lastDay, "2024-04-30T12:00:00Z"));
    assertTrue(in(lastDay, "2024-03-31T12:00:00Z"));
    assertFalse(in(lastDay, "2024-03-30T12:00:00Z"));

    TimeIntervalSpec lastWeek = spec(List.of(), List.of(), List.of(range(-7, -1)), List.of(), List.of(), UTC);
    assertTrue(in(lastWeek, "2024-05-25T00:00:00Z"));
    assertFalse(in(lastWeek, "2024-05-24T23:59:59Z"));
  }

  @Test
  void daysOfMonthBeyondAShortMonthAreClampedOrSkipped() {
    TimeIntervalSpec lateDays = spec(List.of(), List.of(), List.of(range(25, 31)), List.of(), List.of(), UTC);
    assertTrue(in(lateDays, "2023-02-28T12:00:00Z"));
    assertFalse(in(lateDays, "2023-03-01T12:00:00Z"));

    TimeIntervalSpec thirtieth = spec(List.of(), List.of(), List.of(range(30, 31)), List.of(), List.of(), UTC);
    assertFalse(in(thirtieth, "2023-02-28T12:00:00Z"), "a range starting after the month's end matches nothing");
    assertTrue(in(thirtieth, "2023-01-31T12:00:00Z"));
  }

  @Test
  void monthsAndYearsAreInclusiveRanges() {
    TimeIntervalSpec summer = spec(List.of(), List.of(), List.of(), List.of(range(6, 8)), List.of(range(2024, 2025)), UTC);

    assertTrue(in(summer, "2024-06-01T00:00:00Z"));
    assertTrue(in(summer, "2025-08-31T23:59:59Z"));
    assertFalse(in(summer, "2024-09-01T00:00:00Z"));
    assertFalse(in(summer, "2024-05-31T23:59:59Z"));
    assertFalse(in(summer, "2026-07-01T00:00:00Z"));
    assertFalse(in(summer, "2023-07-01T00:00:00Z"));
  }

  @Test
  void everyGivenFieldMustMatch() {
    TimeIntervalSpec mondayMornings = spec(List.of(new TimeRange(8 * 60, 12 * 60)), List.of(range(1, 1)),
        List.of(), List.of(), List.of(), UTC);

    assertTrue(in(mondayMornings, "2024-05-06T09:00:00Z"));
    assertFalse(in(mondayMornings, "2024-05-06T13:00:00Z"), "Monday afternoon");
    assertFalse(in(mondayMornings, "2024-05-07T09:00:00Z"), "Tuesday morning");
  }

  @Test
  void anEmptySpecHoldsEveryInstantButAnIntervalWithoutSpecsHoldsNone() {
    TimeIntervalSpec always = spec(List.of(), List.of(), List.of(), List.of(), List.of(), UTC);
    assertTrue(in(always, "1999-12-31T23:59:59Z"));

    TimeIntervals empty = new TimeIntervals(List.of(new TimeIntervalConfig("never", List.of(), new SourceLocation("t.yml", 1))));
    assertFalse(empty.contains("never", Instant.parse("2024-05-06T09:00:00Z")));
  }

  @Test
  void anyOfSeveralSpecsIsEnough() {
    TimeIntervals intervals = intervals("off-hours",
        spec(List.of(new TimeRange(0, 9 * 60)), List.of(), List.of(), List.of(), List.of(), UTC),
        spec(List.of(), List.of(range(6, 6)), List.of(), List.of(), List.of(), UTC));

    assertTrue(intervals.contains("off-hours", Instant.parse("2024-05-06T08:00:00Z")));
    assertTrue(intervals.contains("off-hours", Instant.parse("2024-05-11T15:00:00Z")));
    assertFalse(intervals.contains("off-hours", Instant.parse("2024-05-06T15:00:00Z")));
  }

  @Test
  void instantIsSeenInTheIntervalsLocationAcrossADaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    TimeIntervalSpec berlinMornings = spec(List.of(new TimeRange(9 * 60, 10 * 60)), List.of(), List.of(), List.of(), List.of(), berlin);

    // Saturday 30 March 2024 Berlin is UTC+1: 08:30Z is 09:30 there.
    assertTrue(in(berlinMornings, "2024-03-30T08:30:00Z"));
    assertFalse(in(berlinMornings, "2024-03-30T07:30:00Z"));
    // Sunday 31 March 2024, after 01:00Z Berlin is UTC+2: 07:30Z is 09:30 there, 08:30Z is 10:30.
    assertTrue(in(berlinMornings, "2024-03-31T07:30:00Z"));
    assertFalse(in(berlinMornings, "2024-03-31T08:30:00Z"));
  }

  @Test
  void weekdayIsTakenInTheIntervalsLocation() {
    TimeIntervalSpec mondayInTokyo = spec(List.of(), List.of(range(1, 1)), List.of(), List.of(), List.of(), ZoneId.of("Asia/Tokyo"));

    // Sunday 20:00 UTC is Monday 05:00 in Tokyo.
    assertTrue(in(mondayInTokyo, "2024-05-12T20:00:00Z"));
    assertFalse(in(mondayInTokyo, "2024-05-12T14:00:00Z"));
  }

  @Test
  void unknownAndDuplicateNamesAreErrors() {
    TimeIntervals intervals = intervals("business-hours");
    var unknown = assertThrows(IllegalArgumentException.class, () -> intervals.contains("weekends", Instant.EPOCH));
    assertEquals("time interval \"weekends\" is not defined", unknown.getMessage());

    var duplicate = assertThrows(IllegalArgumentException.class, () -> new TimeIntervals(List.of(
        new TimeIntervalConfig("a", List.of(), new SourceLocation("t.yml", 1)),
        new TimeIntervalConfig("a", List.of(), new SourceLocation("t.yml", 9)))));
    assertEquals("time interval \"a\" is defined twice (again at t.yml:9)", duplicate.getMessage());
  }

  @Test
  void firstContainingNamesTheFirstHoldingInterval() {
    TimeIntervals intervals = new TimeIntervals(List.of(
        new TimeIntervalConfig("nights", List.of(spec(List.of(new TimeRange(0, 6 * 60)), List.of(), List.of(), List.of(), List.of(), UTC)), new SourceLocation("t.yml", 1)),
        new TimeIntervalConfig("always", List.of(spec(List.of(), List.of(), List.of(), List.of(), List.of(), UTC)), new SourceLocation("t.yml", 5))));

    assertEquals(Optional.of("always"), intervals.firstContaining(List.of("nights", "always"), Instant.parse("2024-05-06T12:00:00Z")));
    assertEquals(Optional.of("nights"), intervals.firstContaining(List.of("nights", "always"), Instant.parse("2024-05-06T01:00:00Z")));
    assertEquals(Optional.empty(), intervals.firstContaining(List.of("nights"), Instant.parse("2024-05-06T12:00:00Z")));
  }
}
