package dev.tta.alertrouter.mute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.config.MaintenanceWindow;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.dispatch.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each reload does to the silences of {@code maintenance:} entries. */
class MaintenanceSilencesTest {
  private static final Instant T0 = Instant.parse("2027-03-20T12:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  private final MaintenanceSilences maintenance = new MaintenanceSilences(silences, clock);

  private static MaintenanceWindow window(String name, Instant until, int line) {
    return new MaintenanceWindow(name, List.of(Matcher.equal("service", name)), List.of("sunday-night"),
        Optional.of("db-team"), until, new SourceLocation("maintenance.yml", line));
  }

  @Test
  void anUnchangedEntryIsKeptAChangedOneRewrittenARemovedOneExpired() {
    Instant until = T0.plus(Duration.ofDays(30));
    assertEquals(List.of("maintenance-db", "maintenance-web"),
        maintenance.apply(List.of(window("db", until, 3), window("web", until, 9))));
    Silence db = silences.get("maintenance-db").orElseThrow();
    assertEquals(true, silences.markReminded(db, Set.of("window-opened")));

    clock.advance(Duration.ofHours(1));
    List<String> touched = maintenance.apply(List.of(window("db", until, 5), window("web", until.plus(Duration.ofDays(1)), 9)));

    assertEquals(List.of("maintenance-web"), touched, "db moved in the file but did not change");
    assertEquals(Set.of("window-opened"), silences.get("maintenance-db").orElseThrow().reminded(),
        "so its reminders are not sent again");
    assertEquals(until.plus(Duration.ofDays(1)), silences.get("maintenance-web").orElseThrow().endsAt());

    clock.advance(Duration.ofHours(1));
    assertEquals(List.of("maintenance-db"), maintenance.apply(List.of(window("web", until.plus(Duration.ofDays(1)), 9))));
    assertEquals(SilenceState.EXPIRED, silences.get("maintenance-db").orElseThrow().stateAt(clock.instant()),
        "an entry removed from the configuration stops muting");
    assertEquals(List.of(), maintenance.apply(List.of(window("web", until.plus(Duration.ofDays(1)), 9))),
        "nothing to do twice");
  }

  @Test
  void anEntryThatAlreadyEndedIsNotWritten() {
    assertEquals(List.of(), maintenance.apply(List.of(window("db", T0.minusSeconds(1), 3))));
    assertEquals(List.of(), silences.list());
  }
}
