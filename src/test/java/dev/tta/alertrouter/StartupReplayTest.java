package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.store.Upserted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Intake open during the replay of the stored alerts: nothing waits for it, nothing overtakes it. */
class StartupReplayTest {
  private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");

  private final List<String> dispatched = Collections.synchronizedList(new ArrayList<>());
  private final StartupReplay replay = new StartupReplay(u -> u.stored().forEach(a -> dispatched.add(a.labels().get("n"))));

  @Test
  void whatArrivesDuringTheReplayReachesTheDispatcherAfterItInOrder() throws Exception {
    CountDownLatch intakeDone = new CountDownLatch(1);
    CompletableFuture<Void> replaying = CompletableFuture.runAsync(() -> replay.replay(() -> {
      dispatched.add("stored-1");
      // Intake answers while the replay is still going: the pushes must not wait for it.
      await(intakeDone);
      dispatched.add("stored-2");
    }));

    CompletableFuture.runAsync(() -> {
      for (int i = 1; i <= 100; i++) {
        replay.accept(push("pushed-" + i));
      }
      intakeDone.countDown();
    }).get(30, TimeUnit.SECONDS);
    replaying.get(30, TimeUnit.SECONDS);

    List<String> expected = new ArrayList<>(List.of("stored-1", "stored-2"));
    for (int i = 1; i <= 100; i++) {
      expected.add("pushed-" + i);
    }
    assertEquals(expected, dispatched);
    assertTrue(replay.isReplayed());
  }

  @Test
  void groupLookUpsWaitForTheReplayExceptOnTheReplayingThreadItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Boolean> insideTheReplay = new ArrayList<>();
    CompletableFuture<Void> replaying = CompletableFuture.runAsync(() -> replay.replay(() -> {
      try {
        // What the replay itself looks up (an escalation resumed) must not wait for the replay.
        insideTheReplay.add(replay.awaitReplayed(java.time.Duration.ofSeconds(30)));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      await(release);
    }));

    assertFalse(replay.awaitReplayed(java.time.Duration.ofMillis(50)), "the groups are still being rebuilt");
    release.countDown();
    assertTrue(replay.awaitReplayed(java.time.Duration.ofSeconds(30)));
    replaying.get(30, TimeUnit.SECONDS);
    assertEquals(List.of(true), insideTheReplay);
  }

  @Test
  void afterTheReplayIntakeGoesStraightThrough() {
    replay.accept(push("before"));
    assertFalse(replay.isReplayed());
    assertEquals(List.of(), dispatched);

    replay.replay(() -> dispatched.add("stored"));
    replay.accept(push("after"));

    assertEquals(List.of("stored", "before", "after"), dispatched);
  }

  @Test
  void pushesDuringTheHandOverKeepTheirOrder() throws Exception {
    // Pushes keep coming while the waiting ones are passed on; a single sender's order must hold.
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
      for (int i = 1; i <= 5_000; i++) {
        replay.accept(push(Integer.toString(i)));
        if (i == 10) {
          started.countDown();
        }
      }
    });
    await(started);
    replay.replay(() -> { });
    sender.get(30, TimeUnit.SECONDS);

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 5_000; i++) {
      expected.add(Integer.toString(i));
    }
    assertEquals(expected, dispatched);
  }

  private static Upserted push(String name) {
    return Upserted.allNews(List.of(new Alert(Labels.of("alertname", "A", "n", name), Map.of(), NOW, null, "", NOW)));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
