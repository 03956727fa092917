package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real peers some tests drive — Go binaries from Debian's packages, a browser. Where one is
 * missing, the test is skipped with a reason naming the package (and {@link MissingPeerReport} lists
 * them at the end of the run); with {@code CI=true} it fails instead, since CI installs them all.
 */
public final class Peers {
  /** How a skip for a missing peer begins, so {@link MissingPeerReport} can tell it from others. */
  public static final String MISSING = "missing peer: ";

  private Peers() {}

  /** The executable {@code binary} on PATH, or the test is skipped (failed under CI=true). */
  public static Path require(String binary, String debianPackage) {
    return require(binary, debianPackage, debianPackage);
  }

  /**
   * As {@link #require(String, String)}, where installing takes more than the binary's own package:
   * {@code require("chromium", "chromium", "chromium chromium-driver")}.
   */
  public static Path require(String binary, String debianPackage, String packagesToInstall) {
    Optional<Path> found = find(binary);
    if (found.isPresent()) {
      return found.get();
    }
    String reason = MISSING + binary + " (Debian package " + debianPackage + ": apt-get install " + packagesToInstall + ")";
    if ("true".equals(System.getenv("CI"))) {
      fail(reason + "; CI=true, so a missing peer fails the run");
    }
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  /** The executable {@code binary} on PATH, if there is one. */
  public static Optional<Path> find(String binary) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, binary))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
