package dev.tta.alertrouter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which runbooks folder a command reads: the one {@code --runbooks} names, or else {@code runbooks/}
 * of the working folder when there is one — found as {@code routing-rules/} is, so that the shipped
 * layout needs no flag and no alert silently falls back to the URL template.
 */
final class RunbooksFolder {
  static final Path DEFAULT = Path.of("runbooks");

  private RunbooksFolder() {}

  static Optional<Path> orDefault(Path given) {
    if (given != null) {
      return Optional.of(given);
    }
    return Files.isDirectory(DEFAULT) ? Optional.of(DEFAULT) : Optional.empty();
  }
}
