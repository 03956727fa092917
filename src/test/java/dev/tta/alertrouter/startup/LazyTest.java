package dev.tta.alertrouter.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void theValueIsMadeAtTheFirstGetOnlyAndSharedAfter() {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy = Lazy.of(() -> {
      made.incrementAndGet();
      return new Object();
    });
    assertEquals(0, made.get(), "nothing made before it is needed");

    Object first = lazy.get();
    assertSame(first, lazy.get());
    assertEquals(1, made.get());
  }

  @Test
  void threadsAskingAtOnceShareOneValue() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy = Lazy.of(() -> {
      made.incrementAndGet();
      return new Object();
    });
    CountDownLatch go = new CountDownLatch(1);
    List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        seen.add(lazy.get());
      });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, made.get());
    assertEquals(1, seen.stream().distinct().count());
  }

  @Test
  void aFailureIsThrownAtTheGetAndTheNextGetTriesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return "made";
    });
    assertThrows(IllegalStateException.class, lazy::get);
    assertEquals("made", lazy.get());
    assertEquals(2, attempts.get());
  }
}
