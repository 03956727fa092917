package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * One node of the route tree with its options resolved, as Alertmanager 0.25's {@code
 * dispatch.Route}. Immutable; built top-down by {@link RouteTree#of}.
 */
public final class Route {
  private final RouteOptions options;
  private final List<Matcher> matchers;
  private final Matcher[] matcherArray;
  private final boolean continueMatching;
  private final List<Route> children;
  private final Route[] childArray;
  private final SiblingIndex childIndex;
  private final String key;
  private final String id;
  private final SourceLocation location;

  /**
   * @param inherited the parent's options (Alertmanager's defaults for the root)
   * @param parentKey the parent's {@link #key()}, or null for the root
   * @param position this route's index among its siblings (ignored for the root)
   */
  Route(RouteConfig config, RouteOptions inherited, String parentKey, int position) {
    this.options = resolve(config, inherited);
    this.matchers = MatcherOrder.sorted(config.matchers());
    this.matcherArray = matchers.toArray(Matcher[]::new);
    this.continueMatching = config.continueMatching();
    this.location = config.location();
    this.key = parentKey == null ? matchersString() : parentKey + '/' + matchersString();
    this.id = parentKey == null ? key : key + '/' + position;
    List<Route> built = new ArrayList<>(config.routes().size());
    for (RouteConfig child : config.routes()) {
      built.add(new Route(child, options, key, built.size()));
    }
    this.children = List.copyOf(built);
    this.childArray = built.toArray(Route[]::new);
    this.childIndex = SiblingIndex.build(childArray);
  }

  /** Alertmanager's {@code NewRoute}: what is set here wins, the rest comes from the parent. */
  private static RouteOptions resolve(RouteConfig config, RouteOptions parent) {
    String receiver = config.receiver() == null || config.receiver().isEmpty() ? parent.receiver() : config.receiver();
    List<String> groupBy = parent.groupBy();
    boolean groupByAll = parent.groupByAll();
    List<String> configured = config.groupBy();
    // Alertmanager reads '...' into a flag and leaves the list nil, so an empty list and ['...']
    // both keep the parent's labels; only a list of names replaces them (and clears the flag).
    if (configured != null) {
      List<String> names = configured.stream().filter(n -> !n.equals("...")).toList();
      if (!names.isEmpty()) {
        groupBy = new ArrayList<>(new LinkedHashSet<>(names));
        groupByAll = false;
      } else if (configured.contains("...")) {
        groupByAll = true;
      }
    }
    return new RouteOptions(
        receiver,
        groupBy,
        groupByAll,
        config.groupWait() != null ? config.groupWait() : parent.groupWait(),
        config.groupInterval() != null ? config.groupInterval() : parent.groupInterval(),
        config.repeatInterval() != null ? config.repeatInterval() : parent.repeatInterval(),
        config.muteTimeIntervals(),
        config.activeTimeIntervals(),
        config.escalate() != null ? config.escalate() : parent.escalate(),
        config.shadow() || parent.shadow(),
        config.flapping() != null ? config.flapping() : parent.flapping(),
        config.resolve() != null ? config.resolve() : parent.resolve());
  }

  /**
   * Appends the routes that take {@code labels} below and including this one, as Alertmanager's
   * {@code Route.Match}: depth first; a matching child stops its later siblings unless it has
   * {@code continue}; a route none of whose children matched takes the alert itself.
   *
   * @return whether this route's own matchers matched
   */
  boolean matchInto(Labels labels, List<Route> out) {
    if (!matchesOwnMatchers(labels)) {
      return false;
    }
    int before = out.size();
    if (childIndex == null) {
      for (Route child : childArray) {
        if (child.matchInto(labels, out) && !child.continueMatching) {
          break;
        }
      }
    } else {
      for (int i : childIndex.candidates(labels)) {
        Route child = childArray[i];
        if (child.matchInto(labels, out) && !child.continueMatching) {
          break;
        }
      }
    }
    if (out.size() == before) {
      out.add(this);
    }
    return true;
  }

  void walkInto(Consumer<Route> visitor) {
    visitor.accept(this);
    for (Route child : childArray) {
      child.walkInto(visitor);
    }
  }

  /** Whether this route's own matchers match, regardless of its children. */
  public boolean matchesOwnMatchers(Labels labels) {
    for (Matcher m : matcherArray) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public RouteOptions options() {
    return options;
  }

  /** Shorthand for {@code options().receiver()}. */
  public String receiver() {
    return options.receiver();
  }

  /** In Alertmanager's order (name, value, operator). */
  public List<Matcher> matchers() {
    return matchers;
  }

  public boolean continueMatching() {
    return continueMatching;
  }

  public List<Route> children() {
    return children;
  }

  /**
   * Alertmanager's {@code Route.Key()}: the parent's key, '/', and this route's matchers, e.g. {@code
   * {}/{severity="critical"}}. Not unique (two siblings may share matchers); it is what Alertmanager
   * 0.25 puts before ':' in a group key.
   */
  public String key() {
    return key;
  }

  /**
   * Alertmanager's {@code Route.ID()}: the key plus '/' and the index among siblings (the root has
   * none), e.g. {@code {}/{severity="critical"}/0}. Unique within a tree.
   */
  public String id() {
    return id;
  }

  /** Where the route was written. */
  public SourceLocation location() {
    return location;
  }

  /** The matchers as Alertmanager prints them: {@code {a="b",c=~"d"}}, or {@code {}}. */
  public String matchersString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < matcherArray.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(matcherArray[i]);
    }
    return sb.append('}').toString();
  }

  @Override
  public String toString() {
    return "Route[" + id + " -> " + options.receiver() + "]";
  }
}
