package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.runbook.UrlTemplate;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code runbooks.url_template} from a config file or folder (every {@code *.yml} and
 * {@code *.yaml} under it), so the {@code runbook} command answers as the server would. Only that
 * one key is read: the command must not refuse to answer because of an unrelated receiver problem.
 */
final class ConfiguredUrlTemplate {
  private ConfiguredUrlTemplate() {}

  /** @throws IllegalArgumentException naming the file when the key is malformed or set twice */
  static Optional<UrlTemplate> read(Path config) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(config)) {
      try (Stream<Path> walk = Files.walk(config)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(files::add);
      }
    } else if (Files.isRegularFile(config)) {
      files.add(config);
    } else {
      throw new IllegalArgumentException(config + ": config file or folder does not exist");
    }
    Optional<UrlTemplate> found = Optional.empty();
    Path foundIn = null;
    for (Path file : files) {
      Optional<ScalarNode> value = urlTemplateNode(file);
      if (value.isEmpty()) {
        continue;
      }
      String where = file + ":" + (value.get().getStartMark().getLine() + 1);
      if (foundIn != null) {
        throw new IllegalArgumentException(where + ": runbooks.url_template: also set in " + foundIn);
      }
      try {
        found = Optional.of(UrlTemplate.parse(value.get().getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": runbooks.url_template: " + e.getMessage(), e);
      }
      foundIn = file;
    }
    return found;
  }

  private static Optional<ScalarNode> urlTemplateNode(Path file) throws IOException {
    Node root;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(in);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    Node value = child(child(root, "runbooks"), "url_template");
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof ScalarNode scalar) {
      return Optional.of(scalar);
    }
    throw new IllegalArgumentException(
        file + ":" + (value.getStartMark().getLine() + 1) + ": runbooks.url_template: must be a string");
  }

  private static Node child(Node node, String name) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
  }
}
