package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code route:} tree, keeping inheritance (null) for the routing package to apply. */
final class RouteParser {
  private final References references;

  RouteParser(References references) {
    this.references = references;
  }

  /** The root route, checked as Alertmanager checks it. */
  RouteConfig parseRoot(Value v) {
    YamlMap m = v.mapping();
    RouteConfig root = parse(v, m);
    if (!m.has("receiver")) {
      m.missing("receiver", "root route must specify a default receiver");
    } else if ("".equals(m.get("receiver").text())) {
      m.get("receiver").error("root route must specify a default receiver");
    }
    for (String key : new String[] {"match", "match_re", "matchers"}) {
      if (m.has(key)) {
        m.entry(key).key().error("root route must not have any matchers");
      }
    }
    if (m.has("mute_time_intervals")) {
      m.entry("mute_time_intervals").key().error("root route must not have any mute time intervals");
    }
    if (m.has("active_time_intervals")) {
      m.entry("active_time_intervals").key().error("root route must not have any active time intervals");
    }
    if (root.continueMatching()) {
      m.entry("continue").key().error("cannot have continue in root route");
    }
    return root;
  }

  private RouteConfig parse(Value v, YamlMap m) {
    m.allow("receiver", "group_by", "continue", "match", "match_re", "matchers", "mute_time_intervals",
        "active_time_intervals", "group_wait", "group_interval", "repeat_interval", "routes", "escalate", "shadow",
        "flapping", "resolve");
    String receiver = null;
    Value receiverValue = m.get("receiver");
    if (receiverValue != null) {
      receiver = receiverValue.text();
      if ("".equals(receiver)) {
        receiver = null; // Alertmanager treats an empty receiver as "inherit"
      }
      if (receiver != null) {
        references.receiver(receiver, receiverValue);
      }
    }
    List<Matcher> matchers = MatcherReader.collect(m, "match", "match_re", "matchers");
    List<RouteConfig> children = new ArrayList<>();
    for (Value child : m.list("routes")) {
      children.add(parse(child, child.mapping()));
    }
    return new RouteConfig(
        receiver,
        RouteFields.groupBy(m),
        matchers,
        m.bool("continue", false),
        RouteFields.timer(m, "group_wait"),
        RouteFields.timer(m, "group_interval"),
        RouteFields.timer(m, "repeat_interval"),
        intervalNames(m, "mute_time_intervals"),
        intervalNames(m, "active_time_intervals"),
        children,
        m.bool("shadow", false),
        v.location(),
        escalate(m),
        RouteFields.flapping(m),
        RouteFields.resolve(m));
  }

  /**
   * {@code escalate: [{after: 5m, receiver: name}, ...]}, or null to inherit: each step names a
   * configured receiver once, and each waits longer than the one before.
   */
  private List<EscalationStep> escalate(YamlMap m) {
    Value list = m.get("escalate");
    if (list == null) {
      return null;
    }
    List<EscalationStep> steps = new ArrayList<>();
    java.time.Duration previous = null;
    java.util.Set<String> receivers = new java.util.HashSet<>();
    for (Value item : list.elements()) {
      YamlMap step = item.mapping();
      step.allow("after", "receiver");
      Value after = step.get("after");
      Value receiver = step.get("receiver");
      if (after == null) {
        step.missing("after", "an escalation step needs after: how long after the first notification");
      }
      if (receiver == null) {
        step.missing("receiver", "an escalation step needs the receiver to notify");
      }
      java.time.Duration wait = after == null ? null : after.duration();
      String name = receiver == null ? null : receiver.text();
      if (wait != null && (wait.isZero() || wait.isNegative())) {
        after.error("must be longer than 0s");
        wait = null;
      } else if (wait != null && previous != null && wait.compareTo(previous) <= 0) {
        after.error("must be longer than the previous step's " + Durations.format(previous));
        wait = null;
      }
      if (name != null && name.isEmpty()) {
        receiver.error("must name a receiver");
        name = null;
      } else if (name != null && !receivers.add(name)) {
        receiver.error("receiver " + name + " is already an earlier step");
        name = null;
      } else if (name != null) {
        references.receiver(name, receiver);
      }
      if (wait != null) {
        previous = wait;
      }
      if (wait != null && name != null) {
        steps.add(new EscalationStep(wait, name));
      }
    }
    return steps;
  }

  private List<String> intervalNames(YamlMap m, String key) {
    List<String> names = new ArrayList<>();
    for (Value item : m.list(key)) {
      String name = item.text();
      if (name != null) {
        references.timeInterval(name, item);
        names.add(name);
      }
    }
    return names;
  }
}
