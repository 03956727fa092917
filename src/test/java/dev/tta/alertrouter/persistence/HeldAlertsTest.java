package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The entry a caller looked up before handing an upsert to the writer stands for the alert until
 * the alert is deleted: the writer uses it instead of a second look-up, and a deleted alert's old
 * entry never brings it back.
 */
class HeldAlertsTest {
  static final Instant T0 = Instant.parse("2026-12-04T03:00:00Z");
  static final Labels API = Labels.of("alertname", "TTAServiceDown", "service", "api");

  /** Held from the start; each test sees its own. */
  final Alert first = endingAt(T0.plus(Duration.ofMinutes(4)));
  final HeldAlerts held = new HeldAlerts(List.of(first));
  /** What a request thread found before handing its upsert to the writer. */
  final HeldAlerts.Entry earlier = held.entry(API.fingerprint());

  static Alert endingAt(Instant end) {
    return new Alert(API, Map.of(), T0, end, "", T0);
  }

  @Test
  void anEntryLookedUpEarlierSeesTheWritesSinceWithoutALookUp() {
    Alert extension = endingAt(T0.plus(Duration.ofMinutes(5)));
    held.defer(extension, earlier);
    HeldAlerts.Copies copies = held.copies(API.fingerprint(), earlier);
    assertSame(extension, copies.current());
    assertSame(first, copies.durable(), "the database still holds the first copy");
    assertSame(earlier, copies.entry());
    assertEquals(Set.of(API.fingerprint()), held.deferred());

    Alert changed = endingAt(T0.plus(Duration.ofMinutes(1)));
    held.committed(changed);
    assertSame(earlier, held.entry(API.fingerprint()), "a write keeps the alert's entry");
    assertSame(changed, held.copies(API.fingerprint(), earlier).durable());
    assertSame(changed, held.published(API.fingerprint()));
    assertTrue(held.deferred().isEmpty());
  }

  @Test
  void aDeletedAlertsOldEntryIsNotUsed() {
    held.deleted(first);
    assertNull(held.entry(API.fingerprint()));
    assertNull(held.copies(API.fingerprint(), earlier).current(), "the alert is gone although the caller saw it");

    Alert again = endingAt(T0.plus(Duration.ofMinutes(9)));
    held.committed(again);
    HeldAlerts.Copies copies = held.copies(API.fingerprint(), earlier);
    assertSame(again, copies.current(), "the new copy's entry, found by a look-up");
    assertFalse(copies.entry() == earlier);

    Alert extension = endingAt(T0.plus(Duration.ofMinutes(10)));
    held.defer(extension, earlier);
    assertSame(extension, held.published(API.fingerprint()), "deferred into the live entry, not the deleted one");
    assertSame(again, held.durable(API.fingerprint()));
  }

  @Test
  void aStagedCopyWinsOverTheEntry() {
    Alert staged = endingAt(T0.plus(Duration.ofMinutes(2)));
    held.stage(staged);

    HeldAlerts.Copies copies = held.copies(API.fingerprint(), earlier);
    assertSame(staged, copies.current());
    assertTrue(copies.staged());
    assertSame(first, held.published(API.fingerprint()), "readers see the committed copy until the commit");
  }
}
