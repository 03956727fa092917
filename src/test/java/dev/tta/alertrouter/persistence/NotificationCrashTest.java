package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router under steady load is killed with SIGKILL in mid-stream, then started again on its data
 * folder: every alert it acknowledged is notified, and at most one notification per flush that was
 * in progress at the kill is sent twice (sent, but not yet in the notification log).
 */
class NotificationCrashTest {
  @TempDir Path dataDir;
  final Notifications notifications = new Notifications();
  HttpServer receiver;

  /** What the webhook receiver was told, per alert: how many firing notifications. */
  static final class Notifications {
    private final Map<String, Integer> firing = new HashMap<>();

    synchronized void add(String body) {
      for (String line : body.split("\n")) {
        if (line.startsWith("firing ")) {
          firing.merge(line.substring(7), 1, Integer::sum);
        }
      }
      notifyAll();
    }

    synchronized void awaitAllNotified(List<String> names, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (!firing.keySet().containsAll(names)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          List<String> missing = names.stream().filter(n -> !firing.containsKey(n)).toList();
          throw new AssertionError(missing.size() + " acknowledged alerts never notified, e.g. " + missing.get(0));
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized int notYetNotified(List<String> names) {
      return (int) names.stream().filter(n -> !firing.containsKey(n)).count();
    }

    synchronized List<String> notifiedMoreThanOnce() {
      return firing.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }
  }

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void everyAcknowledgedAlertIsNotifiedAfterAKillAndDuplicatesStayWithinTheInFlightFlushes() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    List<String> acked;
    try (CrashTargetProcess router = CrashTargetProcess.start(CrashRouter.class, dataDir.toString(), url, "4")) {
      router.awaitAcks(1500);
      acked = router.kill();
    }
    int owedAtKill = notifications.notYetNotified(acked);

    try (CrashTargetProcess restarted = CrashTargetProcess.start(CrashRouter.class, dataDir.toString(), url, "0")) {
      notifications.awaitAllNotified(acked, Duration.ofMinutes(2));
    }

    List<String> duplicates = notifications.notifiedMoreThanOnce();
    assertTrue(duplicates.size() <= CrashRouter.FLUSH_WORKERS,
        "notified twice: " + duplicates + "; at most one per flush in progress at the kill");
    System.out.println(acked.size() + " acknowledged, " + owedAtKill + " of them notified only after the restart, "
        + duplicates.size() + " notified twice");
  }
}
