package dev.tta.alertrouter.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@link CrashTarget} or {@link CrashRouter}: what it acknowledged so far, and a SIGKILL. */
final class CrashTargetProcess implements AutoCloseable {
  private final Process process;
  private final List<String> acked = new ArrayList<>();
  private final Thread reader;

  private CrashTargetProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "crash-target-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static CrashTargetProcess start(String where, int writers, String prefix) throws IOException {
    return start(CrashTarget.class, where, Integer.toString(writers), prefix);
  }

  /** Runs {@code main} in a JVM of its own, on this test's class path. */
  static CrashTargetProcess start(Class<?> main, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(
        java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new CrashTargetProcess(process);
  }

  /** Waits until {@code count} writes are acknowledged (or the process dies, or a minute passes). */
  synchronized void awaitAcks(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (acked.size() < count && process.isAlive()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("only " + acked.size() + " of " + count + " writes acknowledged");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (acked.size() < count) {
      throw new IllegalStateException("the target died after " + acked.size() + " acknowledgements");
    }
  }

  synchronized int ackCount() {
    return acked.size();
  }

  /**
   * SIGKILL, in mid-stream: no shutdown hook runs, nothing is closed. Returns what was acknowledged
   * before: an acknowledgement still in the pipe when the process died counts too, as a client
   * that got its 2xx would.
   */
  List<String> kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the target did not die");
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    synchronized (this) {
      return List.copyOf(acked);
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("ACK ")) {
          synchronized (this) {
            acked.add(line.substring(4));
            notifyAll();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
