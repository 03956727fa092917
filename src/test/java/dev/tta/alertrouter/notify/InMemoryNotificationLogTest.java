package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryNotificationLogTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private final InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofHours(120));
  private final NotificationLog.Key key = new NotificationLog.Key("{}:{}", "default", "slack", 0);

  @Test
  void aNewerEntryReplacesTheLastOne() {
    NotificationLog.Entry first = new NotificationLog.Entry(Set.of(), Set.of(), T0);
    NotificationLog.Entry second = new NotificationLog.Entry(Set.of(), Set.of(), T0.plusSeconds(60));

    log.record(key, first);
    log.record(key, second);

    assertEquals(Optional.of(second), log.last(key));
    assertEquals(1, log.size());
  }

  @Test
  void entriesOlderThanTheRetentionAreCollected() {
    NotificationLog.Key other = new NotificationLog.Key("{}:{}", "default", "slack", 1);
    log.record(key, new NotificationLog.Entry(Set.of(), Set.of(), T0));
    log.record(other, new NotificationLog.Entry(Set.of(), Set.of(), T0.plusSeconds(1)));

    assertEquals(0, log.collectGarbage(T0.plus(Duration.ofHours(120))), "kept for the whole retention");
    assertEquals(1, log.collectGarbage(T0.plus(Duration.ofHours(120)).plusMillis(1)));

    assertEquals(Optional.empty(), log.last(key));
    assertEquals(1, log.size());
  }

  @Test
  void aRetentionMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNotificationLog(Duration.ZERO));
  }
}
