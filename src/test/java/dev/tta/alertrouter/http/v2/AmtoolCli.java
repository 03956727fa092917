package dev.tta.alertrouter.http.v2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code amtool} (Alertmanager 0.25), pointed at one server with {@code --alertmanager.url}. */
final class AmtoolCli {
  /** What one run printed and how it ended. */
  record Run(int exitCode, String stdout, String stderr) {}

  private final Path binary;
  private final String url;

  AmtoolCli(Path binary, String url) {
    this.binary = binary;
    this.url = url;
  }

  static AmtoolCli at(String url) {
    return new AmtoolCli(Peers.require("amtool", "prometheus-alertmanager"), url);
  }

  Run run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--alertmanager.url=" + url));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close();
      // Both streams are small; read them before waiting.
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("amtool " + args[0] + " did not finish within a minute");
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
