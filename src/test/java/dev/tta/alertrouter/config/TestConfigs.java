package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes configuration files for a test and finds the errors it expects. */
final class TestConfigs {
  private TestConfigs() {}

  static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadResult load(Path path) {
    return new ConfigLoader(Map.of()).load(path);
  }

  static LoadResult load(Path path, Map<String, String> env) {
    return new ConfigLoader(env).load(path);
  }

  /** The loaded config, failing with every error when there are any. */
  static RouterConfig loaded(LoadResult result) {
    if (!result.ok()) {
      fail("expected the configuration to load, got:\n" + String.join("\n", result.errors().stream().map(ConfigError::toString).toList()));
    }
    return result.config();
  }

  /** The error about {@code key}, failing with every error when there is none. */
  static ConfigError errorAt(LoadResult result, String key) {
    return result.errors().stream()
        .filter(e -> e.key().equals(key))
        .findFirst()
        .orElseGet(() -> fail("no error for key " + key + "; errors:\n"
            + String.join("\n", result.errors().stream().map(ConfigError::toString).toList())));
  }
}
