package loadbench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One server under test, run as its own process on a free loopback port, its output in a log file. */
final class ServerProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServerProcess alertRouter(Path jar, List<String> jvmOptions, Path config, Path dir, Map<String, String> env)
      throws IOException {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString(),
        "--listen", "127.0.0.1:" + port, "--data", dir.resolve("router-data").toString()));
    return start("alert-router", cmd, port, dir.resolve("alert-router.log"), env);
  }

  /**
   * alert-router through a launcher ({@code bin/alert-router}, README's run command) with {@code
   * JAVA_OPTS}, on {@code port}, its output appended to {@code log}: a restart takes the same port and
   * data folder.
   */
  static ServerProcess alertRouterLaunched(Path launcher, String javaOptions, Path config, Path data, int port, Path log)
      throws IOException {
    List<String> cmd = List.of(launcher.toString(), "serve", "--config", config.toString(),
        "--listen", "127.0.0.1:" + port, "--data", data.toString());
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("JAVA_OPTS", javaOptions);
    return new ServerProcess("alert-router", builder.start(), port, log);
  }

  /** Alertmanager on {@code port} and its storage folder under {@code dir}, its output appended to {@code log}. */
  static ServerProcess alertmanagerOn(String binary, Path config, Path dir, int port, Path log) throws IOException {
    List<String> cmd = List.of(binary, "--config.file=" + config, "--storage.path=" + dir.resolve("am-data"),
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new ServerProcess("Alertmanager", p, port, log);
  }

  /** SIGKILL, as a crash: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  static ServerProcess alertmanager(String binary, Path config, Path dir) throws IOException {
    int port = freePort();
    List<String> cmd = List.of(binary, "--config.file=" + config, "--storage.path=" + dir.resolve("am-data"),
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn");
    return start("Alertmanager", cmd, port, dir.resolve("alertmanager.log"), Map.of());
  }

  private static ServerProcess start(String name, List<String> cmd, int port, Path log, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    return new ServerProcess(name, p, port, log);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Polls {@code /-/ready} until it answers 200. */
  void awaitReady(HttpClient client, Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(uri("/-/ready")).timeout(Duration.ofSeconds(2)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " was not ready within " + limit + ":\n" + tail());
  }

  /** A field of /proc/PID/status in KiB, such as VmRSS (resident now) or VmHWM (resident at peak). */
  long procStatusKib(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException(field + " missing from /proc/" + process.pid() + "/status");
  }

  /** CPU time the process has used so far, user and system, in seconds (/proc/PID/stat, 100 ticks a second). */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
