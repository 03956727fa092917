package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** promtool from Debian's prometheus package: skipped locally when absent, required when CI=true. */
final class Promtool {
  private Promtool() {}

  static void assumeInstalled() {
    boolean installed = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      installed |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool"));
    }
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("promtool is not installed (apt-get install prometheus) and CI=true");
    }
    assumeTrue(installed, "promtool is not installed (apt-get install prometheus); skipping");
  }
}
