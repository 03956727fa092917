package dev.tta.alertrouter.e2e;

import dev.tta.alertrouter.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The real Alertmanager 0.25 from Debian's package, on a free loopback port, stopped on close. */
public final class RealAlertmanager implements AutoCloseable {
  private final Process process;
  private final int port;
  private final StringBuffer log = new StringBuffer();

  private RealAlertmanager(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static RealAlertmanager start(Path config, Path dir) throws Exception {
    Path binary = binary("prometheus-alertmanager");
    int port = freePort();
    Process p = new ProcessBuilder(binary.toString(),
        "--config.file=" + config, "--storage.path=" + dir.resolve("am-data"),
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
        .redirectErrorStream(true)
        .start();
    RealAlertmanager am = new RealAlertmanager(p, port);
    am.awaitListening();
    return am;
  }

  /** A binary from PATH; missing it fails the test in CI (which must install it) and skips it elsewhere. */
  public static Path binary(String name) {
    return Peers.require(name, name.equals("promtool") || name.equals("prometheus") ? "prometheus" : "prometheus-alertmanager");
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String log() {
    return log.toString();
  }

  private void awaitListening() throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          log.append(line).append('\n');
          if (line.contains("msg=\"Listening on\"")) {
            listening.complete(true);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      listening.complete(false);
    }, "alertmanager-log");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!listening.get(60, TimeUnit.SECONDS)) {
        throw new AssertionError("alertmanager exited before listening:\n" + log);
      }
    } catch (TimeoutException e) {
      throw new AssertionError("alertmanager did not listen within a minute:\n" + log, e);
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
