package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.SourceLocation;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one runbook file: YAML front matter between {@code ---} lines at the top, then Markdown.
 * Every problem is reported with the file line it is on, and parsing goes on to find the next one.
 */
final class FrontMatterParser {
  private static final String FENCE = "---";
  private static final Set<String> KEYS = Set.of("title", "owner", "alerts", "url");

  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();
  /** File line of the first YAML line (the one after the opening fence), minus one. */
  private int yamlLineOffset;

  private FrontMatterParser(String file) {
    this.file = file;
  }

  /** The runbook, or the errors found in it (never both). */
  record Result(Optional<Runbook> runbook, List<ConfigError> errors) {
    Result {
      errors = List.copyOf(errors);
    }
  }

  static Result parse(String name, String file, String content) {
    return new FrontMatterParser(file).parse(name, content);
  }

  private Result parse(String name, String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
      return failed(error(1, "", "a runbook starts with front matter: a line \"---\", then title, owner and alerts, then \"---\""));
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(FENCE)) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return failed(error(1, "", "front matter opened by \"---\" on line 1 is never closed by another \"---\" line"));
    }
    yamlLineOffset = 1;
    String yaml = String.join("\n", lines.subList(1, close));
    String markdown = String.join("\n", lines.subList(close + 1, lines.size()));
    Node root = compose(yaml);
    if (root == null) {
      if (errors.isEmpty()) {
        errors.add(error(1, "", "front matter is empty; it needs title, owner and alerts"));
      }
      return new Result(Optional.empty(), errors);
    }
    return readFields(name, root, markdown);
  }

  private Node compose(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(10);
    try {
      return new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
      errors.add(error(yamlLineOffset + line + 1, "", "front matter is not valid YAML: " + e.getProblem()));
      return null;
    } catch (YAMLException e) {
      errors.add(error(1, "", "front matter is not valid YAML: " + e.getMessage()));
      return null;
    }
  }

  private Result readFields(String name, Node root, String markdown) {
    if (!(root instanceof MappingNode mapping)) {
      return failed(error(line(root), "", "front matter must be a mapping of title, owner, alerts and url"));
    }
    String title = null;
    String owner = null;
    URI url = null;
    List<RunbookSelector> selectors = new ArrayList<>();
    boolean alertsSeen = false;
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      Node value = tuple.getValueNode();
      if (!KEYS.contains(key)) {
        errors.add(error(line(tuple.getKeyNode()), key, "unknown key; expected one of title, owner, alerts, url"));
        continue;
      }
      if (!seen.add(key)) {
        errors.add(error(line(tuple.getKeyNode()), key, "given twice"));
        continue;
      }
      switch (key) {
        case "title" -> title = text(key, value);
        case "owner" -> owner = text(key, value);
        case "url" -> url = httpUrl(value);
        default -> {
          alertsSeen = true;
          selectors.addAll(selectors(value));
        }
      }
    }
    int fenceLine = 1;
    if (title == null && !seen.contains("title")) {
      errors.add(error(fenceLine, "title", "missing; every runbook needs a title"));
    }
    if (owner == null && !seen.contains("owner")) {
      errors.add(error(fenceLine, "owner", "missing; name the team that keeps this runbook"));
    }
    if (!alertsSeen) {
      errors.add(error(fenceLine, "alerts", "missing; list the alertnames or matchers this runbook covers"));
    }
    if (!errors.isEmpty()) {
      return new Result(Optional.empty(), errors);
    }
    Runbook runbook = new Runbook(
        name, title, owner, selectors, Optional.ofNullable(url), markdown, new SourceLocation(file, 1));
    return new Result(Optional.of(runbook), List.of());
  }

  private String text(String key, Node value) {
    if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue().strip();
    }
    errors.add(error(line(value), key, "must be a non-empty string"));
    return null;
  }

  private URI httpUrl(Node value) {
    String text = text("url", value);
    if (text == null) {
      return null;
    }
    if (!HttpUrls.isHttpUrl(text)) {
      errors.add(error(line(value), "url", "must be an absolute http(s) URL, got \"" + text + "\""));
      return null;
    }
    return URI.create(text);
  }

  private List<RunbookSelector> selectors(Node value) {
    if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      errors.add(error(line(value), "alerts", "must be a non-empty list of alertnames or matcher lists"));
      return List.of();
    }
    List<RunbookSelector> selectors = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String key = "alerts[" + i + "]";
      if (item instanceof MappingNode) {
        errors.add(error(line(item), key, "a matcher list must be quoted, e.g. - '{alertname=\"X\", service=\"api\"}'"));
        continue;
      }
      if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
        errors.add(error(line(item), key, "must be an alertname or a matcher list string"));
        continue;
      }
      SourceLocation at = new SourceLocation(file, line(item));
      try {
        selectors.add(RunbookSelector.parse(scalar.getValue(), at));
      } catch (IllegalArgumentException e) {
        errors.add(error(line(item), key, e.getMessage()));
      }
    }
    return selectors;
  }

  private int line(Node node) {
    return yamlLineOffset + node.getStartMark().getLine() + 1;
  }

  private ConfigError error(int line, String key, String message) {
    return new ConfigError(new SourceLocation(file, line), key, message);
  }

  private Result failed(ConfigError error) {
    errors.add(error);
    return new Result(Optional.empty(), errors);
  }
}
