package dev.tta.alertrouter.cli;

import java.nio.file.Path;
import java.util.Map;

/** Runs check-config for tests outside this package. */
public final class CheckConfigRun {
  private CheckConfigRun() {}

  public static int exitCode(Path config) {
    return CheckConfigCommandTest.checkConfig(Map.of(), "--config", config.toString()).exitCode();
  }
}
