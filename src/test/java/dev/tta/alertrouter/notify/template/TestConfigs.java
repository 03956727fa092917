package dev.tta.alertrouter.notify.template;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.ReceiverConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads receivers the way the server does, from YAML written for the test. */
public final class TestConfigs {
  private TestConfigs() {}

  public static LoadResult load(Path dir, String yaml, Map<String, String> env) {
    try {
      Path file = dir.resolve("alertmanager.yml");
      Files.writeString(file, yaml);
      return new ConfigLoader(env).load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The receiver named {@code name} of a configuration that must load. */
  public static ReceiverConfig receiver(Path dir, String yaml, Map<String, String> env, String name) {
    LoadResult result = load(dir, yaml, env);
    if (!result.ok()) {
      fail("expected the configuration to load, got:\n"
          + String.join("\n", result.errors().stream().map(ConfigError::toString).toList()));
    }
    return result.config().receiver(name).orElseThrow();
  }
}
