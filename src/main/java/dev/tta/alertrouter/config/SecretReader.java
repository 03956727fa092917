package dev.tta.alertrouter.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a credential written as {@code name: value} (usually {@code ${ENV}}) or {@code name_file:
 * path}. Its value never reaches an error or a warning; a file path does, as it is not secret.
 */
final class SecretReader {
  /** What an unset {@code ${ENV}} in the value means. */
  enum WhenUnset {
    /** The secret is absent; the caller warns that its integration runs in dry-run. */
    ABSENT,
    /** An error, as is an empty value: running without this credential would fail at every use. */
    ERROR
  }

  private SecretReader() {}

  static boolean configured(YamlMap m, String name) {
    return m.has(name) || m.has(name + "_file");
  }

  static Optional<Secret> read(YamlMap m, String name, WhenUnset whenUnset) {
    Value inline = m.get(name);
    Value file = m.get(name + "_file");
    if (inline != null && file != null) {
      file.error("at most one of " + name + " & " + name + "_file must be configured");
      return Optional.empty();
    }
    if (inline != null) {
      return fromValue(inline, whenUnset);
    }
    if (file != null) {
      return fromFile(file);
    }
    return Optional.empty();
  }

  /** A secret that must be an http(s) URL, such as a Slack webhook; a bad one is reported without its text. */
  static Optional<Secret> readUrl(YamlMap m, String name, WhenUnset whenUnset) {
    Optional<Secret> url = read(m, name, whenUnset);
    if (url.isPresent()) {
      String problem = Urls.problem(url.get().reveal());
      if (problem != null) {
        Value where = m.has(name) ? m.get(name) : m.get(name + "_file");
        where.error(problem + (where == m.get(name) ? "" : " (in the file's content)"));
        return Optional.empty();
      }
    }
    return url;
  }

  private static Optional<Secret> fromValue(Value v, WhenUnset whenUnset) {
    EnvExpander.Expansion e = v.expansion();
    if (e == null) {
      return Optional.empty();
    }
    if (!e.complete()) {
      if (whenUnset == WhenUnset.ERROR) {
        v.reportUnset(e);
      }
      return Optional.empty();
    }
    if (e.text().isEmpty()) {
      if (whenUnset == WhenUnset.ERROR) {
        v.error("must not be empty");
      }
      return Optional.empty();
    }
    return Optional.of(new Secret(e.text()));
  }

  private static Optional<Secret> fromFile(Value v) {
    String name = v.text();
    if (name == null) {
      return Optional.empty();
    }
    Path path = resolve(v, name);
    try {
      String content = Files.readString(path).strip();
      if (content.isEmpty()) {
        v.error("file \"" + path + "\" is empty");
        return Optional.empty();
      }
      return Optional.of(new Secret(content));
    } catch (NoSuchFileException e) {
      v.error("cannot read file \"" + path + "\": no such file");
    } catch (AccessDeniedException e) {
      v.error("cannot read file \"" + path + "\": permission denied");
    } catch (IOException e) {
      v.error("cannot read file \"" + path + "\": " + e.getClass().getSimpleName());
    }
    return Optional.empty();
  }

  /** A relative path is relative to the file that names it, as in Alertmanager. */
  static Path resolve(Value v, String name) {
    Path p = Path.of(name);
    Path dir = v.file().toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
  }
}
