package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.Peers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real {@code amtool} from Debian's prometheus-alertmanager package (0.25). */
final class Amtool {
  /** What one run printed. */
  record Result(int exitCode, String stdout) {}

  private final Path binary;

  private Amtool(Path binary) {
    this.binary = binary;
  }

  /** The amtool on PATH; fails the test when CI=true and it is missing, otherwise skips it. */
  static Amtool require() {
    return new Amtool(Peers.require("amtool", "prometheus-alertmanager"));
  }

  /** Runs {@code amtool config routes <args>}; stderr (its --alertmanager.url warning) is dropped. */
  Result routes(List<String> args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "config", "routes"));
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
