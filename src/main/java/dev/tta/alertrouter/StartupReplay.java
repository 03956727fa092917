package dev.tta.alertrouter;

import dev.tta.alertrouter.store.Upserted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lets intake answer before the dispatcher has been fed the stored alerts: what intake stores
 * meanwhile waits here and reaches the dispatcher after the replay, in the order it was stored, so
 * a restart with many stored alerts is not a restart without intake. After the replay, intake's
 * alerts go straight through.
 */
final class StartupReplay implements Consumer<Upserted> {
  private final Consumer<Upserted> dispatcher;
  private final List<Upserted> waiting = new ArrayList<>();
  private boolean replayed;
  /** Read without the lock once the replay is over, so intake pays nothing for this afterwards. */
  private volatile boolean open;
  private final CountDownLatch replayedLatch = new CountDownLatch(1);
  /** The thread running {@link #replay}: what it asks for must not wait for itself. */
  private volatile Thread replaying;

  /** @param dispatcher where intake's alerts go once the stored ones are in */
  StartupReplay(Consumer<Upserted> dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  /** Intake's alerts: passed on at once after the replay, else kept for it. */
  @Override
  public void accept(Upserted upserted) {
    if (!open) {
      synchronized (this) {
        if (!replayed) {
          waiting.add(upserted);
          return;
        }
      }
    }
    dispatcher.accept(upserted);
  }

  /**
   * Runs {@code replayStored} (feeding the dispatcher what the store held when intake opened), then
   * passes on what intake stored meanwhile, batch by batch until none is left; only then does
   * intake go straight through.
   */
  void replay(Runnable replayStored) {
    replaying = Thread.currentThread();
    try {
      replayStored.run();
      passOnWaiting();
    } finally {
      replaying = null;
      replayedLatch.countDown();
    }
  }

  private void passOnWaiting() {
    while (true) {
      List<Upserted> batch;
      synchronized (this) {
        if (waiting.isEmpty()) {
          replayed = true;
          open = true;
          return;
        }
        batch = List.copyOf(waiting);
        waiting.clear();
      }
      batch.forEach(dispatcher);
    }
  }

  /**
   * Waits until the stored alerts are in their groups, at most {@code limit}: what lists or looks up
   * groups right after a restart (the API, the UI, an acknowledgement) must not find them missing.
   *
   * @return false when {@code limit} passed first
   */
  boolean awaitReplayed(Duration limit) throws InterruptedException {
    return open || replaying == Thread.currentThread() || replayedLatch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the stored alerts have been replayed, for the log and tests. */
  boolean isReplayed() {
    return open;
  }
}
