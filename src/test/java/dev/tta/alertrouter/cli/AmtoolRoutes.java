package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tta.alertrouter.Peers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code amtool config routes} from Debian's prometheus-alertmanager (0.25), the reference the teams compile to. */
final class AmtoolRoutes {
  private final Path binary;

  private AmtoolRoutes(Path binary) {
    this.binary = binary;
  }

  /** The amtool on PATH; fails the test when CI=true and it is missing, otherwise skips it. */
  static AmtoolRoutes require() {
    return new AmtoolRoutes(Peers.require("amtool", "prometheus-alertmanager"));
  }

  /** What {@code amtool config routes show} prints for {@code config}. */
  String show(Path config) {
    return run(List.of("show", "--config.file=" + config));
  }

  /** What {@code amtool config routes test} prints for an alert with {@code labels} (name=value). */
  String test(Path config, List<String> labels) {
    List<String> args = new ArrayList<>(List.of("test", "--config.file=" + config));
    args.addAll(labels);
    return run(args);
  }

  private String run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "config", "routes"));
    command.addAll(args);
    try {
      // stderr holds only amtool's warning about --alertmanager.url.
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        fail("amtool " + args + " exited " + p.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
