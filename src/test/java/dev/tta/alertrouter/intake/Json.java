package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A JSON document as {@link MalformedCorpus} edits it: unlike Jackson's tree, an object is a list of
 * members, so that it can hold a name twice, and a scalar is its raw text, so that it can be any text.
 */
sealed interface Json {
  String text();

  static Json raw(String text) {
    return new Raw(text);
  }

  static Json of(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, Json>> members = new ArrayList<>();
      node.properties().forEach(e -> members.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), of(e.getValue()))));
      return new Obj(members);
    }
    if (node.isArray()) {
      List<Json> elements = new ArrayList<>();
      node.forEach(e -> elements.add(of(e)));
      return new Arr(elements);
    }
    return new Raw(node.toString());
  }

  /** Calls {@code visitor} with every node and its path (member or element positions from the root). */
  default void visit(List<Integer> path, BiConsumer<List<Integer>, Json> visitor) {
    visitor.accept(List.copyOf(path), this);
    List<Json> children = this instanceof Obj obj ? obj.members().stream().map(Map.Entry::getValue).toList()
        : this instanceof Arr arr ? arr.elements() : List.of();
    for (int i = 0; i < children.size(); i++) {
      path.add(i);
      children.get(i).visit(path, visitor);
      path.remove(path.size() - 1);
    }
  }

  /** This document with the node at {@code path} (from {@code depth} on) replaced. */
  default Json replace(List<Integer> path, int depth, Json replacement) {
    if (depth == path.size()) {
      return replacement;
    }
    int at = path.get(depth);
    if (this instanceof Obj obj) {
      List<Map.Entry<String, Json>> members = new ArrayList<>(obj.members());
      Map.Entry<String, Json> old = members.get(at);
      members.set(at, new AbstractMap.SimpleImmutableEntry<>(
          old.getKey(), old.getValue().replace(path, depth + 1, replacement)));
      return new Obj(members);
    }
    if (this instanceof Arr arr) {
      List<Json> elements = new ArrayList<>(arr.elements());
      elements.set(at, elements.get(at).replace(path, depth + 1, replacement));
      return new Arr(elements);
    }
    throw new IllegalArgumentException("a scalar has no children");
  }

  record Raw(String text) implements Json {}

  record Arr(List<Json> elements) implements Json {
    @Override
    public String text() {
      return "[" + String.join(",", elements.stream().map(Json::text).toList()) + "]";
    }
  }

  record Obj(List<Map.Entry<String, Json>> members) implements Json {
    Obj with(String name, Json value, int at) {
      List<Map.Entry<String, Json>> copy = new ArrayList<>(members);
      copy.add(at, new AbstractMap.SimpleImmutableEntry<>(name, value));
      return new Obj(copy);
    }

    Obj without(int at) {
      List<Map.Entry<String, Json>> copy = new ArrayList<>(members);
      copy.remove(at);
      return new Obj(copy);
    }

    @Override
    public String text() {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<String, Json> m : members) {
        sb.append(sb.length() > 1 ? "," : "").append('"')
            .append(JsonStringEncoder.getInstance().quoteAsString(m.getKey())).append("\":").append(m.getValue().text());
      }
      return sb.append('}').toString();
    }
  }
}
