package dev.tta.alertrouter.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes runbook files for tests: front matter lines, then a body. */
final class RunbookFiles {
  private RunbookFiles() {}

  static Path write(Path dir, String name, String... frontMatterLines) {
    return writeRaw(dir, name, "---\n" + String.join("\n", frontMatterLines) + "\n---\n# " + name + "\n\nBody.\n");
  }

  static Path writeRaw(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name + ".md"), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Runbooks load(Path dir) {
    RunbookLoadResult result = RunbookLoader.load(dir);
    if (!result.ok()) {
      throw new AssertionError("runbooks did not load: " + result.errors());
    }
    return result.runbooks().orElseThrow();
  }
}
