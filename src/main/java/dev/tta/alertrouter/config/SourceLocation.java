package dev.tta.alertrouter.config;

import java.util.Objects;

/** Where a config value was written: the file and the 1-based line, for errors that point at it. */
public record SourceLocation(String file, int line) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  public static SourceLocation unknown() {
    return new SourceLocation("<built-in>", 0);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
