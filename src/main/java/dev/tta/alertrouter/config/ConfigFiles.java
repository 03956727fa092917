package dev.tta.alertrouter.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Finds the YAML files a {@code --config} path names and reads each into nodes that keep their lines. */
final class ConfigFiles {
  static final String ROUTING_CASES = "tests";

  private ConfigFiles() {}

  /**
   * The path itself when it is a file; for a folder every {@code *.yml}/{@code *.yaml} in it,
   * recursively, sorted, except dot-folders and routing cases files ({@code tests.yml}).
   */
  static List<Path> find(Path path, Problems problems) {
    SourceLocation at = new SourceLocation(path.toString(), 0);
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.error(at, "", Files.exists(path) ? "not a file or folder" : "no such file or folder");
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(p -> !isHidden(path.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !isRoutingCases(p))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.error(at, "", "cannot list folder: " + e.getMessage());
      return List.of();
    }
    if (files.isEmpty()) {
      problems.error(at, "", "folder contains no *.yml or *.yaml files");
    }
    return files;
  }

  /** Files of a folder named {@value #ROUTING_CASES}/.yaml hold {@code routes test --cases}, kept beside the rules they test. */
  static boolean isRoutingCases(Path file) {
    String name = file.getFileName().toString();
    return name.equals(ROUTING_CASES + ".yml") || name.equals(ROUTING_CASES + ".yaml");
  }

  // Editors and git keep their own files in dot-folders; those are never configuration.
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The file's top-level mapping, or null when it is empty or cannot be read (reported). */
  static Value read(Path file, LoadContext context) {
    SourceLocation at = new SourceLocation(file.toString(), 0);
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      // Only the problem and its line: the exception's own text quotes the source line, which may hold a secret.
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = "invalid YAML: " + e.getProblem()
          + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
      context.problems().error(new SourceLocation(file.toString(), mark == null ? 0 : mark.getLine() + 1), "", message);
      return null;
    } catch (YAMLException e) {
      String message = e.getCause() instanceof CharacterCodingException ? "not UTF-8 text" : "invalid YAML";
      context.problems().error(at, "", message);
      return null;
    } catch (NoSuchFileException e) {
      context.problems().error(at, "", "no such file");
      return null;
    } catch (IOException e) {
      context.problems().error(at, "", "cannot read file: " + e.getClass().getSimpleName());
      return null;
    }
    if (root == null) {
      return null;
    }
    Value value = new Value(root, file, "", context);
    if (!(root instanceof MappingNode) && !value.isNull()) {
      value.error("the top level must be a mapping of sections (route:, receivers:, ...), found " + Value.describe(root));
      return null;
    }
    return value.isNull() ? null : value;
  }
}
