package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code heartbeats:}, a list of dead-man's switches. */
final class HeartbeatParser {
  /** The name is a label value and a URL path segment, so it stays plain. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final References references;

  HeartbeatParser(References references) {
    this.references = references;
  }

  List<HeartbeatConfig> parseAll(List<Value> items) {
    List<HeartbeatConfig> heartbeats = new ArrayList<>();
    Map<String, Value> seen = new HashMap<>();
    for (Value item : items) {
      HeartbeatConfig heartbeat = parse(item, seen);
      if (heartbeat != null) {
        heartbeats.add(heartbeat);
      }
    }
    return heartbeats;
  }

  /** One heartbeat, or null when it has errors (reported); {@code seen} holds the names read so far. */
  private HeartbeatConfig parse(Value item, Map<String, Value> seen) {
    YamlMap m = item.mapping();
    m.allow("name", "matchers", "expect_every", "grace", "receiver", "priority", "team");
    String name = m.string("name");
    if (name == null) {
      m.missing("name", "a heartbeat needs a name");
    } else if (!NAME.matcher(name).matches()) {
      m.get("name").error("must be letters, digits, '_', '.' or '-' (it is a label value and a URL path segment)");
      name = null;
    } else if (seen.containsKey(name)) {
      m.get("name").error("heartbeat \"" + name + "\" is already defined at " + seen.get(name).location());
      name = null;
    } else {
      seen.put(name, item);
    }
    List<Matcher> matchers = MatcherReader.collect(m, "match", "match_re", "matchers");
    if (!m.has("matchers")) {
      m.missing("matchers", "a heartbeat needs matchers saying which firing alert keeps it alive");
    } else if (matchers.isEmpty()) {
      m.get("matchers").error("needs at least one matcher");
    }
    Duration every = expectEvery(m);
    Duration grace = m.has("grace") ? m.duration("grace") : Duration.ZERO;
    if (grace != null && grace.isNegative()) {
      m.get("grace").error("must not be negative");
      grace = null;
    }
    String receiver = m.string("receiver");
    if (receiver == null) {
      m.missing("receiver", "a heartbeat needs the receiver its missing alert goes to");
    } else {
      references.receiver(receiver, m.get("receiver"));
    }
    Optional<Priority> priority = priority(m);
    Optional<String> team = m.optional("team");
    if (name == null || matchers.isEmpty() || every == null || grace == null || receiver == null) {
      return null;
    }
    return new HeartbeatConfig(name, matchers, every, grace, receiver, priority, team, item.location());
  }

  private static Duration expectEvery(YamlMap m) {
    if (!m.has("expect_every")) {
      m.missing("expect_every", "a heartbeat needs expect_every (how often its alert arrives, e.g. 2m)");
      return null;
    }
    Duration d = m.duration("expect_every");
    if (d != null && (d.isZero() || d.isNegative())) {
      m.get("expect_every").error("must be positive");
      return null;
    }
    return d;
  }

  private static Optional<Priority> priority(YamlMap m) {
    Optional<String> text = m.optional("priority");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Priority.valueOf(text.get()));
    } catch (IllegalArgumentException e) {
      m.get("priority").error("unknown priority \"" + text.get() + "\" (want P0, P1 or P2)");
      return Optional.empty();
    }
  }
}
