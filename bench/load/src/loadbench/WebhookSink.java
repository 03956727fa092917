package loadbench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback webhook every receiver posts to. It answers 200 at once and counts notifications and
 * the alerts in them, apart from those of the warm-up alerts (their group's alertname starts with
 * "Warmup"), so that only the measured storm is compared.
 */
final class WebhookSink implements AutoCloseable {
  private static final Pattern ALERT = Pattern.compile("\"fingerprint\"\\s*:");
  private static final Pattern WARMUP_GROUP = Pattern.compile("\"groupLabels\"\\s*:\\s*\\{[^}]*\"alertname\"\\s*:\\s*\"Warmup");

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final AtomicLong notifications = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong warmupNotifications = new AtomicLong();
  private final AtomicLong lastArrivalNanos = new AtomicLong();

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (WARMUP_GROUP.matcher(body).find()) {
      warmupNotifications.incrementAndGet();
    } else {
      notifications.incrementAndGet();
      Matcher m = ALERT.matcher(body);
      long n = 0;
      while (m.find()) {
        n++;
      }
      alerts.addAndGet(n);
    }
    lastArrivalNanos.set(System.nanoTime());
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  void reset() {
    notifications.set(0);
    alerts.set(0);
    warmupNotifications.set(0);
  }

  long notifications() {
    return notifications.get();
  }

  long alerts() {
    return alerts.get();
  }

  long warmupNotifications() {
    return warmupNotifications.get();
  }

  /** Waits until no notification has arrived for {@code quietMillis}, at most until {@code deadlineNanos}. */
  void awaitQuiet(long quietMillis, long deadlineNanos) throws InterruptedException {
    while (System.nanoTime() < deadlineNanos) {
      long last = lastArrivalNanos.get();
      if (last != 0 && System.nanoTime() - last >= quietMillis * 1_000_000L) {
        return;
      }
      if (last == 0 && System.nanoTime() >= deadlineNanos) {
        return;
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
