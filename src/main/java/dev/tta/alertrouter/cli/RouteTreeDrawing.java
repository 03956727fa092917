package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a route tree as {@code amtool config routes show} and {@code routes test --tree} (0.25) do,
 * byte for byte: they print with the treeprint library, whose branch line is "│" followed by two
 * no-break spaces and a space.
 */
final class RouteTreeDrawing {
  private static final String SEPARATOR = "  ";
  private static final String BRANCH = "│\u00a0\u00a0 ";
  private static final String ENDED = "    ";

  private RouteTreeDrawing() {}

  /** What {@code amtool config routes show} prints. */
  static String show(RouteTree tree) {
    Node root = fullTree(tree.root());
    return "Routing tree:\n" + render(root) + "\n";
  }

  /** What {@code amtool config routes test --tree} prints before the receivers. */
  static String matching(RouteTree tree, Labels labels) {
    Node root = matchingTree(tree.root(), labels);
    return "Matching routes:\n" + render(root) + "\n\n";
  }

  private static Node fullTree(Route route) {
    Node node = new Node(slug(route, true, true));
    for (Route child : route.children()) {
      node.children.add(fullTree(child));
    }
    return node;
  }

  /** As amtool's getMatchingTree: the matched branches only, receivers on the routes that take the alert. */
  private static Node matchingTree(Route route, Labels labels) {
    Node node = new Node(slug(route, false, false));
    boolean takesAlert = true;
    for (Route child : route.children()) {
      if (child.matchesOwnMatchers(labels)) {
        node.children.add(matchingTree(child, labels));
        takesAlert = false;
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    if (takesAlert) {
      node.value = slug(route, false, true);
    }
    return node;
  }

  private static String slug(Route route, boolean showContinue, boolean showReceiver) {
    StringBuilder sb = new StringBuilder(route.matchers().isEmpty() ? "default-route" : route.matchersString());
    if (showContinue && route.continueMatching()) {
      sb.append(SEPARATOR).append("continue: true");
    }
    if (showReceiver) {
      sb.append(SEPARATOR).append("receiver: ").append(route.receiver());
    }
    return sb.toString();
  }

  /** treeprint's layout: a "." root, then one line per node with the edges of its ancestors. */
  private static String render(Node top) {
    StringBuilder out = new StringBuilder(".\n");
    renderChildren(List.of(top), new ArrayList<>(), out);
    return out.toString();
  }

  private static void renderChildren(List<Node> nodes, List<Boolean> ancestorsEnded, StringBuilder out) {
    for (int i = 0; i < nodes.size(); i++) {
      boolean last = i == nodes.size() - 1;
      for (boolean ended : ancestorsEnded) {
        out.append(ended ? ENDED : BRANCH);
      }
      out.append(last ? "└── " : "├── ").append(nodes.get(i).value).append('\n');
      ancestorsEnded.add(last);
      renderChildren(nodes.get(i).children, ancestorsEnded, out);
      ancestorsEnded.remove(ancestorsEnded.size() - 1);
    }
  }

  private static final class Node {
    private String value;
    private final List<Node> children = new ArrayList<>();

    private Node(String value) {
      this.value = value;
    }
  }
}
