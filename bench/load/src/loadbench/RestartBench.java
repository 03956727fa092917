package loadbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Back in a second (bench/README.md, "Memory and restart"): a server holding 20,000 alerts is
 * SIGKILLed and started again; measured is process start to the first push answered 2xx. alert-router
 * runs through its launcher on SQLite, Alertmanager (Debian's prometheus-alertmanager, when on PATH)
 * with its own storage folder, one after the other.
 *
 * <pre>java -cp target/loadbench loadbench.RestartBench --launcher bin/alert-router [--alerts 20000] [--restarts 3]</pre>
 */
public final class RestartBench {
  private RestartBench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of("bin/alert-router");
    int alerts = 20_000;
    int restarts = 3;
    String alertmanager = "prometheus-alertmanager";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--launcher" -> launcher = Path.of(args[++i]);
        case "--alerts" -> alerts = Integer.parseInt(args[++i]);
        case "--restarts" -> restarts = Integer.parseInt(args[++i]);
        case "--alertmanager" -> alertmanager = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "\nusage: RestartBench [--launcher PATH] [--alerts N] [--restarts N] [--alertmanager BINARY]");
      }
    }
    Path dir = Files.createTempDirectory("restartbench");
    Path config = dir.resolve("restart.yml");
    Files.writeString(config, """
        route:
          receiver: sink
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
        receivers:
          - name: sink
        """);
    String javaOptions = System.getenv().getOrDefault("RESTART_JAVA_OPTS", "");
    int routerPort = ServerProcess.freePort();
    Path finalLauncher = launcher;
    List<Long> router = measure("alert-router", alerts, restarts, routerPort,
        () -> ServerProcess.alertRouterLaunched(finalLauncher, javaOptions, config, dir.resolve("router-data"), routerPort,
            dir.resolve("alert-router.log")));
    List<Long> am = List.of();
    if (onPath(alertmanager)) {
      int amPort = ServerProcess.freePort();
      String binary = alertmanager;
      am = measure("Alertmanager", alerts, restarts, amPort,
          () -> ServerProcess.alertmanagerOn(binary, config, dir, amPort, dir.resolve("alertmanager.log")));
    } else {
      System.out.println(alertmanager + " is not on PATH: Alertmanager not measured");
    }
    System.out.println();
    System.out.println("| SIGKILL with " + alerts + " stored alerts, start → first accepted push | alert-router | Alertmanager |");
    System.out.println("|---|---:|---:|");
    for (int i = 0; i < restarts; i++) {
      System.out.printf("| restart %d | %,d ms | %s |%n", i + 1, router.get(i), i < am.size() ? String.format("%,d ms", am.get(i)) : "–");
    }
  }

  interface Starter {
    ServerProcess start() throws IOException;
  }

  private static List<Long> measure(String name, int alerts, int restarts, int port, Starter starter) throws Exception {
    ServerProcess server = starter.start();
    firstAcceptedPush(port, "Warmup");
    for (int sent = 0; sent < alerts; sent += 100) {
      try (Http11Connection c = new Http11Connection("127.0.0.1", port, "/api/v2/alerts")) {
        int status = c.post(body(sent, 100)).status();
        if (status / 100 != 2) {
          throw new IllegalStateException(name + " answered " + status + " while loading alerts");
        }
      }
    }
    List<Long> millis = new ArrayList<>();
    for (int r = 0; r < restarts; r++) {
      server.kill();
      long start = System.nanoTime();
      server = starter.start();
      firstAcceptedPush(port, "Restart" + r);
      millis.add((System.nanoTime() - start) / 1_000_000);
      System.out.printf("%s: restart %d answered a push after %,d ms%n", name, r + 1, millis.get(r));
    }
    server.close();
    return millis;
  }

  /** Pushes one alert until it is answered 2xx; refused connections are retried at once. */
  private static void firstAcceptedPush(int port, String alertname) throws InterruptedException {
    byte[] body = ("[{\"labels\":{\"alertname\":\"" + alertname + "\"}}]").getBytes(StandardCharsets.UTF_8);
    long giveUp = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < giveUp) {
      try (Http11Connection c = new Http11Connection("127.0.0.1", port, "/api/v2/alerts")) {
        if (c.post(body).status() / 100 == 2) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no push accepted within 120 s on port " + port);
  }

  private static byte[] body(int first, int count) {
    String endsAt = Instant.now().plusSeconds(3600).toString();
    StringBuilder b = new StringBuilder("[");
    for (int i = first; i < first + count; i++) {
      if (i > first) {
        b.append(',');
      }
      b.append("{\"labels\":{\"alertname\":\"Stored").append(i % 500).append("\",\"instance\":\"host-").append(i)
          .append("\"},\"endsAt\":\"").append(endsAt).append("\"}");
    }
    return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean onPath(String binary) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }
}
