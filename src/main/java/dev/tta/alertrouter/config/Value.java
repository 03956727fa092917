package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML node together with where it was written: its file, its line and the dotted key that
 * leads to it. Conversions report a problem naming all three and return null (or an empty value),
 * so a parser can go on and find the next problem too.
 */
final class Value {
  private final Node node;
  private final Path file;
  private final String key;
  private final LoadContext context;
  private final int line;

  Value(Node node, Path file, String key, LoadContext context) {
    this(node, file, key, context, node.getStartMark().getLine() + 1);
  }

  private Value(Node node, Path file, String key, LoadContext context, int line) {
    this.node = Objects.requireNonNull(node, "node");
    this.file = Objects.requireNonNull(file, "file");
    this.key = Objects.requireNonNull(key, "key");
    this.context = Objects.requireNonNull(context, "context");
    this.line = line;
  }

  Node node() {
    return node;
  }

  Path file() {
    return file;
  }

  /** The dotted path, e.g. {@code receivers[2].slack_configs[0].api_url}. */
  String key() {
    return key;
  }

  LoadContext context() {
    return context;
  }

  SourceLocation location() {
    return new SourceLocation(file.toString(), line);
  }

  Value child(String name, Node child) {
    return new Value(child, file, key.isEmpty() ? name : key + "." + name, context);
  }

  /**
   * The value of {@code name: value}, placed on the key's line: a block mapping or list starts on
   * the line after its key, but people look for the key.
   */
  Value entry(String name, Node keyNode, Node valueNode) {
    return new Value(valueNode, file, key.isEmpty() ? name : key + "." + name, context,
        keyNode.getStartMark().getLine() + 1);
  }

  Value element(int index, Node child) {
    return new Value(child, file, key + "[" + index + "]", context);
  }

  boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  void error(String message) {
    context.problems().error(location(), key, message);
  }

  /**
   * The scalar's text with {@code ${ENV}} expanded, leaving it to the caller to decide what an unset
   * variable means; null for a YAML null or (reported) a mapping or list.
   */
  EnvExpander.Expansion expansion() {
    if (isNull()) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      error("expected a single value, found " + describe(node));
      return null;
    }
    return context.env().expand(scalar.getValue());
  }

  /** The scalar's text with {@code ${ENV}} expanded; null when null, not a scalar or a variable is unset. */
  String text() {
    EnvExpander.Expansion e = expansion();
    if (e == null) {
      return null;
    }
    if (!e.complete()) {
      reportUnset(e);
      return null;
    }
    return e.text();
  }

  void reportUnset(EnvExpander.Expansion e) {
    error((e.unset().size() == 1 ? "environment variable " : "environment variables ")
        + String.join(", ", e.unset().stream().map(n -> "${" + n + "}").toList()) + " not set");
  }

  /** true/false (YAML 1.1 also allows yes/no/on/off, as Alertmanager's YAML library does). */
  Boolean bool() {
    String t = text();
    if (t == null) {
      return null;
    }
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      case "false", "no", "off", "n" -> false;
      default -> {
        error("expected true or false, found \"" + t + "\"");
        yield null;
      }
    };
  }

  /** A whole number at least zero. */
  Long nonNegativeInteger() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      long n = Long.parseLong(t.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error("expected a whole number of at least 0, found \"" + t + "\"");
    return null;
  }

  /** A whole number, negative allowed (a Telegram group's chat id is negative). */
  Long integer() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      return Long.parseLong(t.strip());
    } catch (NumberFormatException e) {
      error("expected a whole number, found \"" + t + "\"");
      return null;
    }
  }

  /** A Prometheus duration such as {@code 1h30m}. */
  Duration duration() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      return Durations.parse(t);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return null;
    }
  }

  /** The items of a list; empty for a YAML null, or (reported) when this is not a list. */
  List<Value> elements() {
    if (isNull()) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      error("expected a list, found " + describe(node));
      return List.of();
    }
    List<Value> items = new ArrayList<>(seq.getValue().size());
    for (int i = 0; i < seq.getValue().size(); i++) {
      items.add(element(i, seq.getValue().get(i)));
    }
    return items;
  }

  /** The texts of a list of single values; items that are not text are reported and left out. */
  List<String> texts() {
    List<String> out = new ArrayList<>();
    for (Value item : elements()) {
      String t = item.text();
      if (t != null) {
        out.add(t);
      } else if (item.isNull()) {
        item.error("empty list item");
      }
    }
    return out;
  }

  /** This mapping's entries; empty for a YAML null, or (reported) when this is not a mapping. */
  YamlMap mapping() {
    if (isNull()) {
      return YamlMap.empty(this);
    }
    if (!(node instanceof MappingNode)) {
      error("expected a mapping of keys to values, found " + describe(node));
      return YamlMap.empty(this);
    }
    return YamlMap.of(this);
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a single value";
  }
}
