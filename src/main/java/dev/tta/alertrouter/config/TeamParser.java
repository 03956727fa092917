package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code teams:}, one entry per team, keyed by the team's name. */
final class TeamParser {
  private final References references;

  TeamParser(References references) {
    this.references = references;
  }

  Map<String, TeamConfig> parse(YamlMap teams) {
    Map<String, TeamConfig> out = new LinkedHashMap<>();
    for (YamlMap.Entry e : teams.entries()) {
      String name = ((ScalarNode) e.key().node()).getValue();
      if (name.isEmpty()) {
        e.key().error("a team needs a name");
        continue;
      }
      out.put(name, team(name, e.value()));
    }
    return out;
  }

  private TeamConfig team(String name, Value v) {
    YamlMap m = v.mapping();
    m.allow("label", "value", "receivers", "group_by", "group_wait", "group_interval", "repeat_interval");
    String label = m.string("label", TeamConfig.DEFAULT_LABEL);
    if (!Labels.isValidName(label)) {
      m.get("label").error("invalid label name \"" + label + "\"");
      label = TeamConfig.DEFAULT_LABEL;
    }
    String value = m.string("value", name);
    if (value.isEmpty()) {
      // label="" matches every alert without the label: the team would swallow the unowned alerts.
      m.get("value").error("must not be empty: the team's route would take every alert without " + label);
      value = name;
    }
    return new TeamConfig(
        name,
        label,
        value,
        receivers(m.map("receivers")),
        RouteFields.groupBy(m),
        RouteFields.timer(m, "group_wait"),
        RouteFields.timer(m, "group_interval"),
        RouteFields.timer(m, "repeat_interval"),
        v.location());
  }

  /** {@code P0: [a, b]} or {@code P0: a}. */
  private Map<Priority, List<String>> receivers(YamlMap m) {
    Map<Priority, List<String>> out = new EnumMap<>(Priority.class);
    for (YamlMap.Entry e : m.entries()) {
      String key = ((ScalarNode) e.key().node()).getValue();
      Priority p;
      try {
        p = Priority.valueOf(key);
      } catch (IllegalArgumentException ex) {
        e.key().error("unknown priority \"" + key + "\" (want P0, P1 or P2)");
        continue;
      }
      List<Value> items = e.value().node() instanceof ScalarNode && !e.value().isNull()
          ? List.of(e.value()) : e.value().elements();
      List<String> names = new ArrayList<>();
      for (Value item : items) {
        String receiver = item.text();
        if (receiver != null) {
          references.receiver(receiver, item);
          names.add(receiver);
        }
      }
      out.put(p, names);
    }
    return out;
  }
}
