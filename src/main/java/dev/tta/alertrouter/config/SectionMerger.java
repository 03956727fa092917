package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Combines the files of a folder into one set of sections, so that a team can own its own file:
 * a mapping key or a {@code route:} written in two files is an error naming both.
 */
final class SectionMerger {
  private static final String[] SECTIONS = {
    "global", "route", "receivers", "inhibit_rules", "time_intervals", "mute_time_intervals",
    "templates", "severity", "teams", "runbooks", "server", "tracing", "heartbeats",
    "maintenance"
  };

  private final Path configPath;
  private final LoadContext context;

  SectionMerger(Path configPath, LoadContext context) {
    this.configPath = configPath;
    this.context = context;
  }

  Sections merge(List<Value> roots) {
    List<YamlMap> files = new ArrayList<>();
    for (Value root : roots) {
      YamlMap top = root.mapping();
      top.allow(SECTIONS);
      files.add(top);
    }
    return new Sections(
        mapping(files, "global"),
        route(files),
        list(files, "receivers"),
        list(files, "inhibit_rules"),
        concat(list(files, "time_intervals"), list(files, "mute_time_intervals")),
        list(files, "templates"),
        mapping(files, "severity"),
        mapping(files, "teams"),
        mapping(files, "runbooks"),
        mapping(files, "server"),
        mapping(files, "tracing"),
        list(files, "heartbeats"),
        list(files, "maintenance"));
  }

  private YamlMap mapping(List<YamlMap> files, String section) {
    List<YamlMap> parts = new ArrayList<>();
    Value owner = null;
    for (YamlMap file : files) {
      Value v = file.get(section);
      if (v != null) {
        owner = owner == null ? v : owner;
        parts.add(v.mapping());
      }
    }
    return YamlMap.merge(owner != null ? owner : nowhere(section), parts);
  }

  private Value route(List<YamlMap> files) {
    YamlMap.Entry first = null;
    for (YamlMap file : files) {
      YamlMap.Entry e = file.entry("route");
      if (e == null || e.value().isNull()) {
        continue;
      }
      if (first == null) {
        first = e;
      } else {
        e.key().error("defined in both " + first.key().location() + " and " + e.key().location()
            + "; only one file may hold the route tree");
      }
    }
    return first == null ? null : first.value();
  }

  private static List<Value> list(List<YamlMap> files, String section) {
    List<Value> all = new ArrayList<>();
    for (YamlMap file : files) {
      all.addAll(file.list(section));
    }
    return all;
  }

  private static List<Value> concat(List<Value> a, List<Value> b) {
    List<Value> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A stand-in for a section no file has: errors about it name the config path without a line. */
  private Value nowhere(String section) {
    Mark mark = new Mark(configPath.toString(), 0, -1, 0, new int[0], 0);
    ScalarNode empty = new ScalarNode(Tag.NULL, "", mark, mark, DumperOptions.ScalarStyle.PLAIN);
    return new Value(empty, configPath, section, context);
  }
}
