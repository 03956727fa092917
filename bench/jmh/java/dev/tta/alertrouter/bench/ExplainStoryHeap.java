package dev.tta.alertrouter.bench;

import java.lang.management.ManagementFactory;

/**
 * Heap held by one explain story: {@link DecisionRecordingBenchmark}'s 20,000 alerts, each recorded
 * as a storm records it (receipt, priority, team, and 1 to 3 routes with their groups: 6.9 decisions
 * on average) and then resent {@code RESENDS} times, in an explain record that keeps them all. The
 * heap in use after full collections is compared with the same state once the record is dropped.
 *
 * <p>Usage: {@code java -cp … dev.tta.alertrouter.bench.ExplainStoryHeap [RESENDS]} (default 20).
 */
public final class ExplainStoryHeap {
  private ExplainStoryHeap() {}

  public static void main(String[] args) throws Exception {
    int resends = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    DecisionRecordingBenchmark state = new DecisionRecordingBenchmark();
    state.capacity = 40_000;
    state.setUp();
    for (int i = 0; i < resends * DecisionRecordingBenchmark.ALERTS; i++) {
      state.recordResentAlert();
    }
    long withStories = usedHeapAfterGc();
    state.forgetStories();
    long without = usedHeapAfterGc();
    System.out.printf("%,d stories (%d resends each): %,d bytes of heap, %,d bytes per story%n",
        DecisionRecordingBenchmark.ALERTS, resends, withStories - without,
        (withStories - without) / DecisionRecordingBenchmark.ALERTS);
    state.tearDown();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
