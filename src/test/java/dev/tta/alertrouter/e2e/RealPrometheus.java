package dev.tta.alertrouter.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The real Prometheus 2.42 from Debian's package, on a free loopback port, stopped on close. */
final class RealPrometheus implements AutoCloseable {
  private final Process process;
  private final int port;
  private final StringBuffer log = new StringBuffer();

  private RealPrometheus(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static RealPrometheus start(Path config, Path dir) throws Exception {
    Path binary = RealAlertmanager.binary("prometheus");
    int port = RealAlertmanager.freePort();
    Process p = new ProcessBuilder(binary.toString(),
        "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
        "--web.listen-address=127.0.0.1:" + port,
        // A firing alert evaluated before Prometheus has found its Alertmanager is otherwise resent
        // only a minute later.
        "--rules.alert.resend-delay=1s")
        .redirectErrorStream(true)
        .start();
    RealPrometheus prometheus = new RealPrometheus(p, port);
    prometheus.awaitReady();
    return prometheus;
  }

  int port() {
    return port;
  }

  String log() {
    return log.toString();
  }

  private void awaitReady() throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          log.append(line).append('\n');
          if (line.contains("Server is ready to receive web requests.")) {
            ready.complete(true);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      ready.complete(false);
    }, "prometheus-log");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.get(60, TimeUnit.SECONDS)) {
        throw new AssertionError("prometheus exited before it was ready:\n" + log);
      }
    } catch (TimeoutException e) {
      throw new AssertionError("prometheus was not ready within a minute:\n" + log, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
