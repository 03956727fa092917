package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The entries of one YAML mapping (or of one section gathered from several files), read key by
 * key. Keys nobody asked for are reported by {@link #allow}, as Alertmanager's strict YAML decoding
 * does.
 */
final class YamlMap {
  /** One {@code key: value} pair; the key keeps its own line for "unknown key" errors. */
  record Entry(Value key, Value value) {}

  private final Value owner;
  private final Map<String, Entry> entries;
  private final Set<String> handled = new HashSet<>();

  private YamlMap(Value owner, Map<String, Entry> entries) {
    this.owner = owner;
    this.entries = entries;
  }

  static YamlMap empty(Value owner) {
    return new YamlMap(owner, new LinkedHashMap<>());
  }

  static YamlMap of(Value mapping) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<NodeTuple> merged = new ArrayList<>();
    for (NodeTuple tuple : ((MappingNode) mapping.node()).getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        collectMerged(tuple.getValueNode(), merged);
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        mapping.child("?", keyNode).error("a key must be a single value, found " + Value.describe(keyNode));
        continue;
      }
      String name = scalarKey.getValue();
      Value key = mapping.child(name, keyNode);
      Entry previous = entries.get(name);
      if (previous != null) {
        key.error("key \"" + name + "\" is defined twice (first at line " + previous.key().location().line() + ")");
        continue;
      }
      entries.put(name, new Entry(key, mapping.entry(name, keyNode, tuple.getValueNode())));
    }
    // YAML merge keys ("<<: *defaults") fill in what the mapping does not set itself.
    for (NodeTuple tuple : merged) {
      if (tuple.getKeyNode() instanceof ScalarNode scalarKey && !entries.containsKey(scalarKey.getValue())) {
        String name = scalarKey.getValue();
        entries.put(name, new Entry(mapping.child(name, scalarKey), mapping.entry(name, scalarKey, tuple.getValueNode())));
      }
    }
    return new YamlMap(mapping, entries);
  }

  private static void collectMerged(Node source, List<NodeTuple> into) {
    if (source instanceof MappingNode m) {
      into.addAll(m.getValue());
    } else if (source instanceof SequenceNode s) {
      for (Node n : s.getValue()) {
        collectMerged(n, into);
      }
    }
  }

  /**
   * One section written in several files, merged key by key; a key set in two files is an error
   * naming both.
   */
  static YamlMap merge(Value owner, List<YamlMap> parts) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (YamlMap part : parts) {
      for (Map.Entry<String, Entry> e : part.entries.entrySet()) {
        Entry previous = entries.get(e.getKey());
        if (previous != null) {
          e.getValue().key().error("defined in both " + previous.key().location() + " and "
              + e.getValue().key().location());
          continue;
        }
        entries.put(e.getKey(), e.getValue());
      }
    }
    return new YamlMap(owner, entries);
  }

  Value owner() {
    return owner;
  }

  /** The dotted key of {@code name} inside this mapping. */
  String keyOf(String name) {
    return owner.key().isEmpty() ? name : owner.key() + "." + name;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  Collection<Entry> entries() {
    return entries.values();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The value of {@code name}, or null when absent or written as a YAML null. */
  Value get(String name) {
    Entry e = entries.get(name);
    return e == null || e.value().isNull() ? null : e.value();
  }

  boolean has(String name) {
    return get(name) != null;
  }

  Entry entry(String name) {
    return entries.get(name);
  }

  /** Reports a key this mapping must have, at the start of the mapping. */
  void missing(String name, String message) {
    owner.context().problems().error(owner.location(), keyOf(name), message);
  }

  /** Reports every key that is not one of {@code names} and was not handled otherwise. */
  void allow(String... names) {
    Set<String> known = new HashSet<>(Arrays.asList(names));
    for (Entry e : entries.values()) {
      String name = ((ScalarNode) e.key().node()).getValue();
      if (!known.contains(name) && !handled.contains(name)) {
        e.key().error("unknown key" + suggestion(name, known));
      }
    }
  }

  /** Reports each of {@code names} that is present with {@code message}. */
  void reject(String message, String... names) {
    for (String name : names) {
      handled.add(name);
      Entry e = entries.get(name);
      if (e != null) {
        e.key().error(message);
      }
    }
  }

  /** The keys among {@code names} that are present; they count as known and are otherwise ignored. */
  List<String> ignore(String... names) {
    List<String> present = new ArrayList<>();
    for (String name : names) {
      handled.add(name);
      if (entries.containsKey(name)) {
        present.add(name);
      }
    }
    return present;
  }

  String string(String name) {
    Value v = get(name);
    return v == null ? null : v.text();
  }

  String string(String name, String fallback) {
    String s = string(name);
    return s == null ? fallback : s;
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(string(name));
  }

  /** A mapping of names to single values, such as {@code headers:} or {@code details:}. */
  Map<String, String> stringMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : map(name).entries()) {
      String text = e.value().isNull() ? "" : e.value().text();
      if (text != null) {
        out.put(((ScalarNode) e.key().node()).getValue(), text);
      }
    }
    return out;
  }

  boolean bool(String name, boolean fallback) {
    Value v = get(name);
    Boolean b = v == null ? null : v.bool();
    return b == null ? fallback : b;
  }

  Duration duration(String name) {
    Value v = get(name);
    return v == null ? null : v.duration();
  }

  List<Value> list(String name) {
    Value v = get(name);
    return v == null ? List.of() : v.elements();
  }

  /** The texts of a list, or null when the key is absent. */
  List<String> strings(String name) {
    Value v = get(name);
    return v == null ? null : v.texts();
  }

  YamlMap map(String name) {
    Value v = get(name);
    if (v != null) {
      return v.mapping();
    }
    Entry e = entries.get(name);
    return empty(e != null ? e.value() : owner.child(name, owner.node()));
  }

  private static String suggestion(String name, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean \"" + best + "\"?)";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
