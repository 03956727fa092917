package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.ExecutorScheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.dispatch.TestRoutes;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A router process for {@link NotificationCrashTest}, composed as the composition root composes
 * one: the persistent stores, the real dispatcher on real timers, the real pipeline, and a webhook
 * receiver POSTing to the test over HTTP. Intake is simulated by writer threads that store each new
 * alert, hand it to the dispatcher, and print {@code ACK} as intake would answer 2xx. Runs until
 * killed.
 *
 * <p>Arguments: the data folder; the receiver's URL; the number of intake threads (0 to only
 * recover what is stored).
 */
public final class CrashRouter {
  /** Flushes at most this many groups at once: the most notifications a crash can leave unrecorded. */
  static final int FLUSH_WORKERS = 2;

  private CrashRouter() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    URI receiver = URI.create(args[1]);
    int intakeThreads = Integer.parseInt(args[2]);
    Clock clock = Clock.systemUTC();
    Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Stage webhook = (context, alerts) -> {
      String body = alerts.stream()
          .map(a -> a.statusAt(context.now()).wireName() + " " + a.name())
          .collect(Collectors.joining("\n"));
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(receiver).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
          throw new StageFailedException("receiver answered " + response.statusCode());
        }
      } catch (IOException e) {
        throw new StageFailedException("receiver unreachable: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StageFailedException("interrupted");
      }
      return alerts;
    };
    Dispatcher dispatcher = new Dispatcher(
        TestRoutes.single("team", List.of("alertname"), Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)),
        new PipelineBuilder(persistence.notificationLog(), Executors.newCachedThreadPool())
            .receiver("team", List.of(new Integration("webhook", 0, true, webhook)))
            .build(),
        new ExecutorScheduler("dispatch", FLUSH_WORKERS),
        clock);
    persistence.alerts().list(List.of()).forEach(dispatcher::process);

    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < intakeThreads; t++) {
      int thread = t;
      new Thread(() -> {
        for (long n = 0; ; n++) {
          String name = "crash-" + ProcessHandle.current().pid() + "-" + thread + "-" + n;
          Instant now = clock.instant();
          Alert alert = new Alert(Labels.of("alertname", name), Map.of(), now, null, "", now);
          persistence.alerts().upsert(List.of(alert)).forEach(dispatcher::process);
          synchronized (out) {
            out.println("ACK " + name);
            out.flush();
          }
        }
      }).start();
    }
    Thread.currentThread().join();
  }
}
