package loadbench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes request bodies to {@code POST /api/v2/alerts} from a few concurrent senders, each sending its
 * next request when the last one is answered (as a handful of Prometheus servers would), and times
 * each request.
 */
final class Pusher {
  private final int senders;

  Pusher(int senders) {
    this.senders = senders;
  }

  /** What one phase of pushes did. */
  record Outcome(int requests, int failed, long alerts, long elapsedNanos, long[] latencyNanos, String firstFailure) {
    double alertsPerSecond() {
      return alerts / (elapsedNanos / 1e9);
    }

    double percentileMillis(double p) {
      if (latencyNanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
  }

  /**
   * Sends {@code bodies} in order, spread over the senders; stops early, leaving the rest unsent, at
   * {@code deadlineNanos}.
   */
  Outcome push(URI endpoint, List<byte[]> bodies, int alertsPerBody, long deadlineNanos) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong alerts = new AtomicLong();
    long[] latency = new long[bodies.size()];
    AtomicInteger measured = new AtomicInteger();
    String[] firstFailure = new String[1];
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int s = 0; s < senders; s++) {
      Thread t = new Thread(() -> {
        try (Http11Connection connection = new Http11Connection(endpoint.getHost(), endpoint.getPort(), endpoint.getPath())) {
          for (int i = next.getAndIncrement(); i < bodies.size() && System.nanoTime() < deadlineNanos; i = next.getAndIncrement()) {
            long sent = System.nanoTime();
            try {
              Http11Connection.Answer answer = connection.post(bodies.get(i));
              latency[measured.getAndIncrement()] = System.nanoTime() - sent;
              if (answer.status() == 200) {
                alerts.addAndGet(alertsPerBody);
              } else {
                fail(failed, firstFailure, answer.status() + " " + answer.body());
              }
            } catch (Exception e) {
              latency[measured.getAndIncrement()] = System.nanoTime() - sent;
              fail(failed, firstFailure, e.toString());
              connection.disconnect();
            }
          }
        }
      }, "sender-" + s);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    long elapsed = System.nanoTime() - start;
    int done = measured.get();
    return new Outcome(done, failed.get(), alerts.get(), elapsed, Arrays.copyOf(latency, done), firstFailure[0]);
  }

  private static synchronized void fail(AtomicInteger failed, String[] first, String reason) {
    failed.incrementAndGet();
    if (first[0] == null) {
      first[0] = reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
  }
}
