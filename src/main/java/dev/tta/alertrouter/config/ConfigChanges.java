package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs between the configuration in force and the one a reload brings: routes (by their
 * path of matchers), receivers, inhibition rules, time intervals and teams added, removed or
 * changed, with where each is written, and the other sections changed. Secrets are masked.
 */
public final class ConfigChanges {
  private static final Set<String> ROUTE_SKIP = Set.of("routes");
  private static final Set<String> NONE = Set.of();

  private ConfigChanges() {}

  public static List<ConfigChange> between(RouterConfig before, RouterConfig after) {
    List<ConfigChange> out = new ArrayList<>();
    compare(out, "route", routes(before.route()), routes(after.route()), ROUTE_SKIP);
    compare(out, "receiver", byName(before.receivers(), ReceiverConfig::name, ReceiverConfig::location),
        byName(after.receivers(), ReceiverConfig::name, ReceiverConfig::location), NONE);
    compare(out, "inhibit_rule", inhibitRules(before.inhibitRules()), inhibitRules(after.inhibitRules()), NONE);
    compare(out, "time_interval", byName(before.timeIntervals().values(), TimeIntervalConfig::name, TimeIntervalConfig::location),
        byName(after.timeIntervals().values(), TimeIntervalConfig::name, TimeIntervalConfig::location), NONE);
    compare(out, "team", byName(before.teams().values(), TeamConfig::name, TeamConfig::location),
        byName(after.teams().values(), TeamConfig::name, TeamConfig::location), NONE);
    section(out, "global", before.global(), after.global());
    section(out, "severity", before.severity(), after.severity());
    section(out, "runbooks", before.runbooks(), after.runbooks());
    section(out, "server", before.server(), after.server());
    section(out, "tracing", before.tracing(), after.tracing());
    return out;
  }

  private record Located(Object value, SourceLocation location) {}

  private static void compare(List<ConfigChange> out, String section, Map<String, Located> before,
      Map<String, Located> after, Set<String> skip) {
    before.forEach((name, b) -> {
      Located a = after.get(name);
      if (a == null) {
        out.add(new ConfigChange("removed", section, name, b.location().toString(), List.of()));
      } else {
        List<String> d = ConfigFlattener.differences(ConfigFlattener.flatten(b.value(), skip), ConfigFlattener.flatten(a.value(), skip));
        if (!d.isEmpty()) {
          out.add(new ConfigChange("changed", section, name, a.location().toString(), d));
        }
      }
    });
    after.forEach((name, a) -> {
      if (!before.containsKey(name)) {
        out.add(new ConfigChange("added", section, name, a.location().toString(), List.of()));
      }
    });
  }

  private static void section(List<ConfigChange> out, String name, Object before, Object after) {
    List<String> d = ConfigFlattener.differences(ConfigFlattener.flatten(before, NONE), ConfigFlattener.flatten(after, NONE));
    if (!d.isEmpty()) {
      out.add(new ConfigChange("changed", name, name, "", d));
    }
  }

  /** Every route by its path of matchers from the root ({@code {}/{severity="critical"}}), a repeated path numbered. */
  private static Map<String, Located> routes(RouteConfig root) {
    Map<String, Located> out = new LinkedHashMap<>();
    walk(root, "{}", out);
    return out;
  }

  private static void walk(RouteConfig route, String id, Map<String, Located> out) {
    String key = id;
    for (int n = 2; out.containsKey(key); n++) {
      key = id + "#" + n;
    }
    out.put(key, new Located(route, route.location()));
    for (RouteConfig child : route.routes()) {
      walk(child, id + "/{" + String.join(", ", child.matchers().stream().map(Object::toString).toList()) + "}", out);
    }
  }

  /** Rules have no names: each is known by its matchers and equal labels; a rule whose text changed is removed and added. */
  private static Map<String, Located> inhibitRules(List<InhibitRuleConfig> rules) {
    Map<String, Located> out = new LinkedHashMap<>();
    for (InhibitRuleConfig r : rules) {
      String id = "source " + r.sourceMatchers() + " target " + r.targetMatchers() + " equal " + r.equal();
      String key = id;
      for (int n = 2; out.containsKey(key); n++) {
        key = id + " #" + n;
      }
      out.put(key, new Located(r, r.location()));
    }
    return out;
  }

  private static <T> Map<String, Located> byName(Iterable<T> items, Function<T, String> name, Function<T, SourceLocation> location) {
    Map<String, Located> out = new LinkedHashMap<>();
    for (T item : items) {
      out.put(name.apply(item), new Located(item, location.apply(item)));
    }
    return out;
  }
}
