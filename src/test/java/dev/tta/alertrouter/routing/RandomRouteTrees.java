package dev.tta.alertrouter.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random Alertmanager route trees and label sets for differential tests. Names and values come from
 * small pools so that matchers hit often; every matcher syntax Alertmanager 0.25 reads appears:
 * {@code match}, {@code match_re}, and {@code matchers} strings quoted, unquoted, braced and several
 * to a string.
 */
final class RandomRouteTrees {
  static final String[] NAMES = {"a", "b", "c"};
  static final String[] VALUES = {"", "x", "foo", "foobar", "x y", "q\"b\\"};
  static final String[] REGEXES = {"x|y", ".*", ".+", "foo.+", "fo+", "", "x", "(x|foo)(bar)?", "[xy]", "x y|foo", "(?i)FOO", "f.*r", "x\\.y|.*\"b.*"};
  static final String[] RECEIVERS = {"default", "r1", "r2", "r3", "r4"};
  private static final String[] OPERATORS = {"=", "!=", "=~", "!~"};

  /** One route as written in YAML. */
  record Node(
      String receiver,
      Map<String, String> match,
      Map<String, String> matchRe,
      List<String> matcherLines,
      boolean continueMatching,
      List<Node> children) {}

  private final Random random;

  RandomRouteTrees(Random random) {
    this.random = random;
  }

  /** A root to "default" with up to three levels below it; one tree in ten has a wide first level. */
  Node tree() {
    int fanOut = random.nextInt(10) == 0 ? 8 + random.nextInt(8) : 1 + random.nextInt(4);
    List<Node> children = new ArrayList<>();
    for (int i = 0; i < fanOut; i++) {
      children.add(route(1, fanOut >= 8));
    }
    return new Node("default", Map.of(), Map.of(), List.of(), false, children);
  }

  private Node route(int depth, boolean wide) {
    Map<String, String> match = new LinkedHashMap<>();
    Map<String, String> matchRe = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    if (wide && random.nextInt(4) != 0) {
      match.put("a", pick(VALUES)); // siblings that share an equality label, as team routes do
    }
    int style = random.nextInt(10);
    if (style == 0) {
      // no matchers: takes everything that reaches it
    } else if (style <= 2) {
      for (int i = random.nextInt(5) == 0 ? 2 : 1; i > 0; i--) {
        match.put(pick(NAMES), pick(VALUES));
      }
      if (random.nextInt(3) == 0) {
        matchRe.put(pick(NAMES), pick(REGEXES));
      }
    } else {
      for (int i = random.nextInt(5) == 0 ? 2 : 1; i > 0; i--) {
        lines.add(matcherLine());
      }
    }
    List<Node> children = new ArrayList<>();
    if (depth < 3 && random.nextInt(3) == 0) {
      for (int i = random.nextInt(4) + 1; i > 0; i--) {
        children.add(route(depth + 1, false));
      }
    }
    String receiver = random.nextInt(4) == 0 ? null : RECEIVERS[1 + random.nextInt(RECEIVERS.length - 1)];
    return new Node(receiver, match, matchRe, lines, random.nextInt(5) < 2, children);
  }

  /** One {@code matchers:} string: one or two matchers, quoted or not, sometimes in braces. */
  private String matcherLine() {
    List<String> parts = new ArrayList<>();
    for (int i = random.nextInt(4) == 0 ? 2 : 1; i > 0; i--) {
      String op = pick(OPERATORS);
      String value = op.contains("~") ? pick(REGEXES) : pick(VALUES);
      String space = random.nextInt(4) == 0 ? " " : "";
      parts.add(pick(NAMES) + space + op + space + quoteOrNot(value));
    }
    String line = String.join(random.nextBoolean() ? ", " : ",", parts);
    return random.nextInt(4) == 0 ? "{" + line + "}" : line;
  }

  /** Unquoted where Alertmanager reads the value back unchanged, quoted otherwise or at random. */
  private String quoteOrNot(String value) {
    boolean plain = !value.contains(" ") && !value.contains(",") && !value.contains("\"") && !value.contains("\\");
    return plain && random.nextBoolean() ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Arguments for {@code routes test}: some labels missing, some empty, quoted or not. */
  List<String> labelArgs() {
    List<String> args = new ArrayList<>();
    for (String name : NAMES) {
      if (random.nextInt(7) == 0) {
        continue;
      }
      String value = pick(VALUES);
      args.add(name + "=" + quoteOrNot(value));
    }
    if (random.nextBoolean()) {
      args.add("alertname=Test");
    }
    return args;
  }

  /** The tree as an Alertmanager configuration file. */
  static String yaml(Node root) {
    StringBuilder sb = new StringBuilder("route:\n");
    writeRoute(root, "  ", sb);
    sb.append("receivers:\n");
    for (String r : RECEIVERS) {
      sb.append("  - name: ").append(r).append('\n');
    }
    return sb.toString();
  }

  private static void writeRoute(Node node, String indent, StringBuilder sb) {
    if (node.receiver() != null) {
      sb.append(indent).append("receiver: ").append(node.receiver()).append('\n');
    }
    if (node.continueMatching()) {
      sb.append(indent).append("continue: true\n");
    }
    writeMap("match", node.match(), indent, sb);
    writeMap("match_re", node.matchRe(), indent, sb);
    if (!node.matcherLines().isEmpty()) {
      sb.append(indent).append("matchers:\n");
      for (String line : node.matcherLines()) {
        sb.append(indent).append("  - ").append(singleQuoted(line)).append('\n');
      }
    }
    if (!node.children().isEmpty()) {
      sb.append(indent).append("routes:\n");
      for (Node child : node.children()) {
        boolean empty =
            child.receiver() == null && !child.continueMatching() && child.match().isEmpty() && child.matchRe().isEmpty()
                && child.matcherLines().isEmpty() && child.children().isEmpty();
        sb.append(indent).append(empty ? "  - {}\n" : "  -\n");
        writeRoute(child, indent + "    ", sb);
      }
    }
  }

  private static void writeMap(String key, Map<String, String> map, String indent, StringBuilder sb) {
    if (!map.isEmpty()) {
      sb.append(indent).append(key).append(":\n");
      map.forEach((k, v) -> sb.append(indent).append("  ").append(k).append(": ").append(singleQuoted(v)).append('\n'));
    }
  }

  private static String singleQuoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private String pick(String[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
