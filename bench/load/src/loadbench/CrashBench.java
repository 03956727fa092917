package loadbench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash test of issue 19 (bench/README.md, "Crashes"): the real server, started by its launcher
 * on SQLite, takes a steady stream of 50-alert batches (each batch its own group, so each alert
 * should be notified exactly once) while it is SIGKILLed twice — first while its webhook receiver
 * is down, then while it delivers the backlog — and restarted at once each time. The loopback
 * receiver counts the alerts acknowledged (2xx) but never notified, and those notified twice.
 *
 * <pre>java -cp target/loadbench loadbench.CrashBench --launcher bin/alert-router [--runs 3] [--work-dir DIR]</pre>
 */
public final class CrashBench {
  private static final int BATCH = 50;
  private static final long BATCH_PERIOD_MILLIS = 100;

  private CrashBench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of("bin/alert-router");
    int runs = 1;
    Path work = null;
    long phaseMillis = 8_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--launcher" -> launcher = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--work-dir" -> work = Path.of(args[++i]);
        case "--phase-seconds" -> phaseMillis = Long.parseLong(args[++i]) * 1000;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "\nusage: CrashBench [--launcher PATH] [--runs N] [--work-dir DIR] [--phase-seconds S]");
      }
    }
    System.out.println("| run | acknowledged | lost | notified twice | share | of them with a repeated Idempotency-Key | refused pushes |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int run = 1; run <= runs; run++) {
      Path dir = work != null ? Files.createDirectories(work.resolve("run-" + run)) : Files.createTempDirectory("crashbench");
      Result r = runOnce(launcher, dir, phaseMillis);
      System.out.printf("| %d | %,d | %,d | %,d | %.2f %% | %,d | %,d |%n", run, r.acknowledged, r.lost, r.twice,
          100.0 * r.twice / Math.max(1, r.acknowledged), r.twiceSameKey, r.refused);
    }
  }

  record Result(int acknowledged, int lost, int twice, int twiceSameKey, int refused) {}

  static Result runOnce(Path launcher, Path dir, long phaseMillis) throws Exception {
    try (Receiver receiver = new Receiver()) {
      Path config = dir.resolve("crash.yml");
      Files.writeString(config, """
          route:
            receiver: hook
            group_by: [alertname]
            group_wait: 1s
            group_interval: 5m
            repeat_interval: 4h
          receivers:
            - name: hook
              webhook_configs:
                - url: http://127.0.0.1:%d/hook
                  send_resolved: false
          """.formatted(receiver.port()));
      Path data = dir.resolve("data");
      Path log = dir.resolve("alert-router.log");
      int port = ServerProcess.freePort();
      String javaOptions = System.getenv().getOrDefault("CRASH_JAVA_OPTS", "");
      Stream stream = new Stream(port);
      receiver.down.set(true);
      ServerProcess server = ServerProcess.alertRouterLaunched(launcher, javaOptions, config, data, port, log);
      Thread streaming = new Thread(stream, "stream");
      streaming.start();
      // 1: the receiver is down; the router stores and retries.
      stream.awaitAcknowledged(phaseMillis);
      server.kill();
      server = ServerProcess.alertRouterLaunched(launcher, javaOptions, config, data, port, log);
      stream.awaitAcknowledged(phaseMillis / 2);
      // 2: the receiver is back; the router delivers its backlog and the new batches, and is killed doing so.
      receiver.down.set(false);
      receiver.awaitNotifications(1, 120_000);
      Thread.sleep(phaseMillis / 4);
      server.kill();
      server = ServerProcess.alertRouterLaunched(launcher, javaOptions, config, data, port, log);
      stream.awaitAcknowledged(phaseMillis / 2);
      stream.stop();
      streaming.join();
      // 3: everything acknowledged is owed; wait until it is notified or nothing more comes.
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline && receiver.notifiedCount(stream.acknowledged()) < stream.acknowledged().size()) {
        Thread.sleep(250);
      }
      Thread.sleep(3_000); // late repeats
      server.close();
      Set<Integer> acked = stream.acknowledged();
      int lost = acked.size() - receiver.notifiedCount(acked);
      return new Result(acked.size(), lost, receiver.twice(), receiver.twiceWithSameKey(), stream.refused.get());
    }
  }

  /** 50-alert batches one after the other, each retried until the router acknowledges it. */
  static final class Stream implements Runnable {
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<Integer> acknowledged = new HashSet<>();
    private final AtomicInteger refused = new AtomicInteger();

    Stream(int port) {
      this.port = port;
    }

    @Override
    public void run() {
      int batch = 0;
      while (running.get()) {
        byte[] body = body(batch);
        boolean accepted = false;
        while (!accepted && running.get()) {
          try (Http11Connection c = new Http11Connection("127.0.0.1", port, "/api/v2/alerts")) {
            accepted = c.post(body).status() / 100 == 2;
          } catch (IOException | RuntimeException e) {
            accepted = false;
          }
          if (!accepted) {
            refused.incrementAndGet();
            pause(50);
          }
        }
        if (accepted) {
          synchronized (this) {
            for (int i = 0; i < BATCH; i++) {
              acknowledged.add(batch * BATCH + i);
            }
            notifyAll();
          }
          batch++;
          pause(BATCH_PERIOD_MILLIS);
        }
      }
    }

    private static byte[] body(int batch) {
      String endsAt = Instant.now().plusSeconds(3600).toString();
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < BATCH; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append("{\"labels\":{\"alertname\":\"Batch").append(batch).append("\",\"id\":\"").append(batch * BATCH + i)
            .append("\"},\"endsAt\":\"").append(endsAt).append("\"}");
      }
      return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until the router has acknowledged batches for {@code millis} after it first answers. */
    void awaitAcknowledged(long millis) throws InterruptedException {
      int before;
      synchronized (this) {
        before = acknowledged.size();
        while (acknowledged.size() == before) {
          wait(1_000);
        }
      }
      Thread.sleep(millis);
    }

    synchronized Set<Integer> acknowledged() {
      return Set.copyOf(acknowledged);
    }

    void stop() {
      running.set(false);
    }

    private static void pause(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The loopback webhook: 503 while down; counts each alert id's notifications and their keys. */
  static final class Receiver implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    final AtomicBoolean down = new AtomicBoolean();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final Map<Integer, Integer> notified = new HashMap<>();
    private final Map<Integer, Set<String>> keys = new HashMap<>();
    private int notifications;

    Receiver() throws IOException {
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
      if (down.get()) {
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      synchronized (this) {
        notifications++;
        Matcher m = ID.matcher(body);
        while (m.find()) {
          int id = Integer.parseInt(m.group(1));
          notified.merge(id, 1, Integer::sum);
          keys.computeIfAbsent(id, x -> new HashSet<>()).add(key);
        }
        notifyAll();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    }

    synchronized void awaitNotifications(int n, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (notifications < n && System.currentTimeMillis() < deadline) {
        wait(500);
      }
    }

    synchronized int notifiedCount(Set<Integer> ids) {
      return (int) ids.stream().filter(notified::containsKey).count();
    }

    synchronized int twice() {
      return (int) notified.values().stream().filter(n -> n > 1).count();
    }

    /** Alerts notified twice whose repeats all carried the key already seen: a receiver could drop them. */
    synchronized int twiceWithSameKey() {
      return (int) notified.entrySet().stream().filter(e -> e.getValue() > 1 && keys.get(e.getKey()).size() == 1).count();
    }

    @Override
    public void close() {
      server.stop(0);
      workers.shutdownNow();
    }
  }
}
