package dev.tta.alertrouter.http.v2;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Real peers from Debian's packages: missing, they fail the test under CI=true and skip it elsewhere. */
final class Peers {
  private Peers() {}

  /** The binary {@code name} on PATH, from Debian package {@code pkg}. */
  static Path require(String name, String pkg) {
    Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
    if (found.isEmpty()) {
      String reason = "missing peer: " + name + " (apt-get install " + pkg + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + "; CI must install it");
      }
      Assumptions.abort(reason);
    }
    return found.get();
  }
}
