package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Reads the alerting rules of Prometheus rule files ({@code groups[].rules[]} with {@code alert} and
 * {@code labels}); recording rules are skipped. Only what coverage needs is checked: promtool
 * checks the rest.
 */
final class PrometheusRuleFiles {
  private final List<AlertingRule> rules = new ArrayList<>();
  private final List<ConfigError> errors = new ArrayList<>();

  record Result(List<AlertingRule> rules, List<ConfigError> errors) {
    Result {
      rules = List.copyOf(rules);
      errors = List.copyOf(errors);
    }
  }

  static Result read(List<Path> files) {
    PrometheusRuleFiles reader = new PrometheusRuleFiles();
    for (Path file : files) {
      reader.readFile(file);
    }
    return new Result(reader.rules, reader.errors);
  }

  private void readFile(Path file) {
    String shown = file.toString();
    Node root;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(in);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      errors.add(new ConfigError(new SourceLocation(shown, line), "", "not valid YAML: " + e.getProblem()));
      return;
    } catch (IOException | YAMLException e) {
      errors.add(new ConfigError(new SourceLocation(shown, 0), "", "cannot read rule file: " + e.getMessage()));
      return;
    }
    if (root == null) {
      return; // an empty rule file is valid for Prometheus
    }
    Node groups = child(root, "groups");
    if (!(groups instanceof SequenceNode groupList)) {
      errors.add(error(shown, root, "groups", "a rule file needs a list under groups"));
      return;
    }
    for (int g = 0; g < groupList.getValue().size(); g++) {
      Node rulesNode = child(groupList.getValue().get(g), "rules");
      if (!(rulesNode instanceof SequenceNode ruleList)) {
        errors.add(error(shown, groupList.getValue().get(g), "groups[" + g + "].rules", "must be a list"));
        continue;
      }
      for (int r = 0; r < ruleList.getValue().size(); r++) {
        readRule(shown, ruleList.getValue().get(r), "groups[" + g + "].rules[" + r + "]");
      }
    }
  }

  private void readRule(String file, Node rule, String key) {
    Node alert = child(rule, "alert");
    if (alert == null) {
      return; // a recording rule
    }
    if (!(alert instanceof ScalarNode name) || name.getValue().isBlank()) {
      errors.add(error(file, alert, key + ".alert", "must be the alert's name"));
      return;
    }
    Map<String, String> labels = new TreeMap<>();
    Set<String> templated = new HashSet<>();
    Node labelsNode = child(rule, "labels");
    if (labelsNode instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && tuple.getValueNode() instanceof ScalarNode v) {
          if (v.getValue().contains("{{")) {
            templated.add(k.getValue());
          } else {
            labels.put(k.getValue(), v.getValue());
          }
        } else {
          errors.add(error(file, tuple.getKeyNode(), key + ".labels", "must map label names to strings"));
        }
      }
    } else if (labelsNode != null) {
      errors.add(error(file, labelsNode, key + ".labels", "must be a mapping"));
    }
    labels.put("alertname", name.getValue());
    rules.add(new AlertingRule(Labels.of(labels), templated, location(file, alert)));
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

  private static SourceLocation location(String file, Node node) {
    return new SourceLocation(file, node.getStartMark().getLine() + 1);
  }

  private static ConfigError error(String file, Node node, String key, String message) {
    return new ConfigError(location(file, node), key, message);
  }
}
