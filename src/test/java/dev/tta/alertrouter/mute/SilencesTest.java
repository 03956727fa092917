package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilencesTest {
  private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final InMemorySilenceStore store = new InMemorySilenceStore();
  private final Silences silences = new Silences(store, clock, Duration.ofHours(120));

  private static SilenceDraft draft(String matchers, Instant start, Instant end) {
    return new SilenceDraft(null, Matchers.parseList(matchers), start, end, "alice", "maintenance");
  }

  private static SilenceDraft update(String id, String matchers, Instant start, Instant end, String comment) {
    return new SilenceDraft(id, Matchers.parseList(matchers), start, end, "alice", comment);
  }

  @Test
  void activeSilenceMutesMatchingLabelsOnly() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plus(Duration.ofHours(1))));

    assertEquals(List.of(id), silences.mutes(Labels.of("alertname", "Down", "service", "api"), T0, TimeIntervals.none()));
    assertEquals(List.of(), silences.mutes(Labels.of("alertname", "Down", "service", "db"), T0, TimeIntervals.none()));
    assertEquals(SilenceState.ACTIVE, silences.get(id).orElseThrow().stateAt(T0));
  }

  @Test
  void regexMatchersAreAnchoredAndMissingLabelsMatchAsEmpty() {
    String regex = silences.set(draft("service=~\"api.*\"", T0, T0.plusSeconds(60)));
    String notEqual = silences.set(draft("alertname=\"Down\", team!=\"db\"", T0, T0.plusSeconds(60)));

    assertEquals(List.of(regex), silences.mutes(Labels.of("alertname", "X", "service", "api-gateway"), T0, TimeIntervals.none()));
    assertEquals(List.of(), silences.mutes(Labels.of("alertname", "X", "service", "my-api"), T0, TimeIntervals.none()));
    // team is missing, so it is "" and differs from "db": the != matcher matches.
    assertEquals(List.of(notEqual), silences.mutes(Labels.of("alertname", "Down"), T0, TimeIntervals.none()));
    assertEquals(List.of(), silences.mutes(Labels.of("alertname", "Down", "team", "db"), T0, TimeIntervals.none()));
  }

  @Test
  void everyMatchingActiveSilenceIsReportedSorted() {
    String a = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(60)));
    String b = silences.set(draft("alertname=\"Down\"", T0, T0.plusSeconds(60)));

    List<String> ids = silences.mutes(Labels.of("alertname", "Down", "service", "api"), T0, TimeIntervals.none());

    assertEquals(List.of(a, b).stream().sorted().toList(), ids);
  }

  @Test
  void startInThePastBecomesNow() {
    String id = silences.set(draft("service=\"api\"", T0.minus(Duration.ofDays(1)), T0.plusSeconds(60)));

    Silence s = silences.get(id).orElseThrow();
    assertEquals(T0, s.startsAt());
    assertEquals(T0, s.updatedAt());
  }

  @Test
  void stateFollowsTheClockFromPendingToActiveToExpired() {
    String id = silences.set(draft("service=\"api\"", T0.plusSeconds(60), T0.plusSeconds(120)));
    Labels api = Labels.of("alertname", "Down", "service", "api");

    assertEquals(SilenceState.PENDING, silences.get(id).orElseThrow().stateAt(clock.instant()));
    assertEquals(List.of(), silences.mutes(api, clock.instant(), TimeIntervals.none()));

    clock.advance(Duration.ofSeconds(60));
    assertEquals(SilenceState.ACTIVE, silences.get(id).orElseThrow().stateAt(clock.instant()));
    assertEquals(List.of(id), silences.mutes(api, clock.instant(), TimeIntervals.none()));

    clock.advance(Duration.ofSeconds(60)); // the end is exclusive
    assertEquals(SilenceState.EXPIRED, silences.get(id).orElseThrow().stateAt(clock.instant()));
    assertEquals(List.of(), silences.mutes(api, clock.instant(), TimeIntervals.none()));
  }

  @Test
  void draftWithoutMatchersIsRefused() {
    var e = assertThrows(SilenceValidationException.class,
        () -> silences.set(new SilenceDraft(null, List.of(), T0, T0.plusSeconds(60), "alice", "c")));
    assertEquals(List.of("matchers: at least one matcher is required"), e.problems());
  }

  @Test
  void matchersThatAllMatchTheEmptyStringAreRefused() {
    for (String matchers : List.of("team=\"\"", "team=~\".*\"", "team!=\"db\"", "a=~\"x|\", b!~\"y\"")) {
      var e = assertThrows(SilenceValidationException.class,
          () -> silences.set(draft(matchers, T0, T0.plusSeconds(60))), matchers);
      assertEquals(List.of("matchers: at least one matcher must not match the empty string"), e.problems());
    }
    // One matcher that needs a value is enough.
    silences.set(draft("team=~\".*\", service=\"api\"", T0, T0.plusSeconds(60)));
  }

  @Test
  void invalidLabelNameIsRefused() {
    var e = assertThrows(SilenceValidationException.class, () -> silences.set(
        new SilenceDraft(null, List.of(Matcher.equal("bad-name", "x")), T0, T0.plusSeconds(60), "a", "c")));
    assertEquals(List.of("matchers: \"bad-name\" is not a valid label name"), e.problems());
  }

  @Test
  void endMustBeAfterStartAndInTheFuture() {
    var equalTimes = assertThrows(SilenceValidationException.class,
        () -> silences.set(draft("a=\"b\"", T0.plusSeconds(60), T0.plusSeconds(60))));
    assertEquals(List.of("endsAt must be after startsAt"), equalTimes.problems());

    var past = assertThrows(SilenceValidationException.class,
        () -> silences.set(draft("a=\"b\"", T0.minusSeconds(120), T0.minusSeconds(60))));
    assertEquals(List.of("endsAt must be in the future"), past.problems());

    var endsNow = assertThrows(SilenceValidationException.class,
        () -> silences.set(draft("a=\"b\"", T0.minusSeconds(120), T0)));
    assertEquals(List.of("endsAt must be in the future"), endsNow.problems());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    var e = assertThrows(SilenceValidationException.class,
        () -> silences.set(new SilenceDraft(null, null, null, null, " ", null)));

    assertEquals(List.of(
        "matchers: at least one matcher is required",
        "startsAt is required",
        "endsAt is required",
        "createdBy is required",
        "comment is required"), e.problems());
    assertEquals(List.of(), store.all());
  }

  @Test
  void updateOfAnActiveSilenceKeepsItsIdWhenMatchersAndStartAreUnchanged() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(60)));
    clock.advance(Duration.ofSeconds(10));

    String updated = silences.set(update(id, "service=\"api\"", T0, T0.plusSeconds(3600), "longer"));

    assertEquals(id, updated);
    Silence s = silences.get(id).orElseThrow();
    assertEquals(T0.plusSeconds(3600), s.endsAt());
    assertEquals("longer", s.comment());
    assertEquals(clock.instant(), s.updatedAt());
    assertEquals(1, store.all().size());
  }

  @Test
  void changingTheMatchersOfAnActiveSilenceExpiresItAndCreatesANewOne() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(600)));
    clock.advance(Duration.ofSeconds(10));

    String replacement = silences.set(update(id, "service=\"db\"", T0, T0.plusSeconds(600), "moved"));

    assertNotEquals(id, replacement);
    Silence old = silences.get(id).orElseThrow();
    assertEquals(clock.instant(), old.endsAt());
    assertEquals(SilenceState.EXPIRED, old.stateAt(clock.instant()));
    Silence created = silences.get(replacement).orElseThrow();
    assertEquals(SilenceState.ACTIVE, created.stateAt(clock.instant()));
    assertEquals(clock.instant(), created.startsAt(), "a start in the past becomes now");
    assertEquals(List.of(replacement), silences.mutes(Labels.of("service", "db"), clock.instant(), TimeIntervals.none()));
  }

  @Test
  void movingTheStartOfAnActiveSilenceReplacesIt() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(600)));

    String replacement = silences.set(update(id, "service=\"api\"", T0.plusSeconds(60), T0.plusSeconds(600), "c"));

    assertNotEquals(id, replacement);
    assertEquals(SilenceState.EXPIRED, silences.get(id).orElseThrow().stateAt(T0));
    assertEquals(SilenceState.PENDING, silences.get(replacement).orElseThrow().stateAt(T0));
  }

  @Test
  void aPendingSilenceMayMoveItsStartWithinTheFuture() {
    String id = silences.set(draft("service=\"api\"", T0.plusSeconds(60), T0.plusSeconds(600)));

    String later = silences.set(update(id, "service=\"api\"", T0.plusSeconds(120), T0.plusSeconds(600), "c"));

    assertEquals(id, later);
    assertEquals(T0.plusSeconds(120), silences.get(id).orElseThrow().startsAt());
  }

  @Test
  void updatingAnExpiredSilenceCreatesANewOneAndLeavesTheOldAlone() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(60)));
    clock.advance(Duration.ofSeconds(120));
    Silence expired = silences.get(id).orElseThrow();

    String renewed = silences.set(update(id, "service=\"api\"", clock.instant(), clock.instant().plusSeconds(60), "c"));

    assertNotEquals(id, renewed);
    assertEquals(expired, silences.get(id).orElseThrow());
    assertEquals(SilenceState.ACTIVE, silences.get(renewed).orElseThrow().stateAt(clock.instant()));
  }

  @Test
  void updatingAnUnknownIdIsNotFound() {
    var e = assertThrows(SilenceNotFoundException.class,
        () -> silences.set(update("no-such-id", "a=\"b\"", T0, T0.plusSeconds(60), "c")));
    assertEquals("no-such-id", e.id());
  }

  @Test
  void expiringAnActiveSilenceEndsItNow() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(600)));
    clock.advance(Duration.ofSeconds(30));

    Silence expired = silences.expire(id);

    assertEquals(T0, expired.startsAt());
    assertEquals(clock.instant(), expired.endsAt());
    assertEquals(SilenceState.EXPIRED, silences.get(id).orElseThrow().stateAt(clock.instant()));
    assertEquals(List.of(), silences.mutes(Labels.of("service", "api"), clock.instant(), TimeIntervals.none()));
  }

  @Test
  void expiringAPendingSilenceMeansItNeverStarts() {
    String id = silences.set(draft("service=\"api\"", T0.plusSeconds(60), T0.plusSeconds(600)));

    Silence expired = silences.expire(id);

    assertEquals(T0, expired.startsAt());
    assertEquals(T0, expired.endsAt());
    clock.advance(Duration.ofSeconds(90));
    assertEquals(List.of(), silences.mutes(Labels.of("service", "api"), clock.instant(), TimeIntervals.none()));
  }

  @Test
  void expiringTwiceOrAnUnknownIdIsAnError() {
    String id = silences.set(draft("service=\"api\"", T0, T0.plusSeconds(600)));
    silences.expire(id);

    var twice = assertThrows(SilenceValidationException.class, () -> silences.expire(id));
    assertEquals(List.of("silence " + id + " has already expired"), twice.problems());
    assertThrows(SilenceNotFoundException.class, () -> silences.expire("unknown"));
  }

  @Test
  void listingFiltersByStateAndOrdersAsAlertmanager() {
    String activeLate = silences.set(draft("a=\"1\"", T0, T0.plusSeconds(900)));
    String activeSoon = silences.set(draft("a=\"2\"", T0, T0.plusSeconds(300)));
    String pending = silences.set(draft("a=\"3\"", T0.plusSeconds(60), T0.plusSeconds(900)));
    String expiredEarly = silences.set(draft("a=\"4\"", T0, T0.plusSeconds(600)));
    String expiredLate = silences.set(draft("a=\"5\"", T0, T0.plusSeconds(600)));
    silences.expire(expiredEarly);
    clock.advance(Duration.ofSeconds(30));
    silences.expire(expiredLate);

    assertEquals(List.of(activeSoon, activeLate, pending, expiredLate, expiredEarly),
        silences.list().stream().map(Silence::id).toList());
    assertEquals(List.of(activeSoon, activeLate),
        silences.list(SilenceState.ACTIVE).stream().map(Silence::id).toList());
    assertEquals(List.of(pending), silences.list(SilenceState.PENDING).stream().map(Silence::id).toList());
    assertEquals(List.of(expiredLate, expiredEarly),
        silences.list(SilenceState.EXPIRED).stream().map(Silence::id).toList());

    clock.advance(Duration.ofSeconds(30)); // the pending one starts
    assertTrue(silences.list(SilenceState.ACTIVE).stream().anyMatch(s -> s.id().equals(pending)));
  }

  @Test
  void pruneRemovesOnlySilencesExpiredLongerThanTheRetention() {
    Silences shortRetention = new Silences(store, clock, Duration.ofHours(1));
    String old = shortRetention.set(draft("a=\"1\"", T0, T0.plusSeconds(60)));
    String recent = shortRetention.set(draft("a=\"2\"", T0, T0.plusSeconds(3600)));
    String active = shortRetention.set(draft("a=\"3\"", T0, T0.plus(Duration.ofDays(1))));

    clock.set(T0.plusSeconds(60).plus(Duration.ofHours(1))); // exactly the retention after "old" ended
    assertEquals(0, shortRetention.prune());

    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, shortRetention.prune());
    assertEquals(List.of(recent, active).stream().sorted().toList(),
        store.all().stream().map(Silence::id).sorted().toList());
    assertTrue(shortRetention.get(old).isEmpty());
  }

  @Test
  void storedSilenceKeepsTheStoreInvariants() {
    assertThrows(IllegalArgumentException.class,
        () -> new Silence("id", List.of(), T0, T0, "a", "c", T0));
    assertThrows(IllegalArgumentException.class,
        () -> new Silence("id", List.of(Matcher.equal("a", "")), T0, T0, "a", "c", T0));
    assertThrows(IllegalArgumentException.class,
        () -> new Silence("id", List.of(Matcher.equal("a", "b")), T0, T0.minusSeconds(1), "a", "c", T0));
  }
}
