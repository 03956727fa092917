package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Heap held per active alert by the whole server: the real {@link App} in this JVM takes bench/load's
 * alerts on {@code POST /api/v2/alerts} (store, classification, route tree, groups, inhibition index,
 * metrics), and the heap in use after full collections is compared with the heap before, at several
 * counts so that the slope shows. group_wait is an hour: the groups hold their alerts, no flush runs.
 *
 * <p>Usage: {@code HeapPerAlert [ALERTS]} (default 100,000); {@code -Dheap.histogram=true} adds the
 * class histogram of the live heap at the end.
 */
public final class HeapPerAlert {
  private static final int PER_REQUEST = 100;

  private HeapPerAlert() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("heap-per-alert");
    Path config = dir.resolve("config.yml");
    Files.writeString(config, """
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 1h
          routes:
            - {receiver: pager, matchers: ['severity="critical"'], continue: true}
            - {receiver: audit, matchers: ['alertname=~"Alert0[0-4][0-9]"'], continue: true}
            - {receiver: team-0, matchers: ['team="team-0"'], routes: [{receiver: tickets, matchers: ['severity="info"']}]}
            - {receiver: team-1, matchers: ['team="team-1"']}
            - {receiver: team-2, matchers: ['team="team-2"']}
            - {receiver: team-3, matchers: ['team="team-3"']}
            - {receiver: team-4, matchers: ['team="team-4"']}
        inhibit_rules:
          - source_matchers: ['alertname="Alert000"']
            target_matchers: ['severity="warning"']
            equal: [service]
        receivers:
        """ + receivers("default", "pager", "audit", "tickets", "team-0", "team-1", "team-2", "team-3", "team-4"));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://127.0.0.1/"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      URI endpoint = URI.create("http://127.0.0.1:" + app.port() + "/api/v2/alerts");
      Instant now = Instant.now();
      // One request of other alerts first, so that the baseline holds the classes and pools any request needs.
      post(client, endpoint, StormAlerts.prometheusPush(total, PER_REQUEST, now, now.plus(Duration.ofHours(1))));
      long baseline = usedHeapAfterGc();
      System.out.printf("heap in use before: %,d bytes%n", baseline);
      System.out.println("| active alerts | heap in use (MiB) | heap per alert (bytes) |");
      System.out.println("|---:|---:|---:|");
      int sent = 0;
      for (int checkpoint : new int[] {total / 10, total / 4, total / 2, total}) {
        for (; sent < checkpoint; sent += PER_REQUEST) {
          post(client, endpoint, StormAlerts.prometheusPush(sent, Math.min(PER_REQUEST, checkpoint - sent), now,
              now.plus(Duration.ofHours(1))));
        }
        long used = usedHeapAfterGc();
        System.out.printf("| %,d | %,.1f | %,d |%n", checkpoint, used / 1048576.0, (used - baseline) / checkpoint);
      }
      if (Boolean.getBoolean("heap.histogram")) {
        // What the bytes are: the live objects by class, largest first.
        new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
            .inheritIO().start().waitFor();
      }
    }
  }

  private static String receivers(String... names) {
    StringBuilder sb = new StringBuilder();
    for (String name : names) {
      // Never called: group_wait outlasts the run.
      sb.append("  - {name: ").append(name).append(", webhook_configs: [{url: 'http://127.0.0.1:9/").append(name).append("'}]}\n");
    }
    return sb.toString();
  }

  private static void post(HttpClient client, URI endpoint, byte[] body) throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("push refused: " + response.statusCode() + " " + response.body());
    }
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
