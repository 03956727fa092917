package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The alert list's filter, all of it in the URL's query so a view can be shared: {@code filter}
 * (matchers as amtool takes them, on the classified labels, so {@code priority=~"P0|P1"} works),
 * {@code priority}, {@code team}, {@code receiver} and {@code state}.
 */
record AlertFilter(String text, List<Matcher> matchers, String priority, String team, String receiver, String state,
    List<String> problems) {
  static final List<String> STATES = List.of("firing", "active", "suppressed", "inhibited", "silenced", "muted", "resolved");
  private static final Set<String> PRIORITIES = Set.of("P0", "P1", "P2");

  static AlertFilter from(Context ctx) {
    List<String> problems = new ArrayList<>();
    // Repeated filter parameters (as the API and the messages' group links write them) all apply.
    String text = String.join(" ", ctx.queryParams("filter").stream()
        .map(String::strip)
        .map(f -> f.startsWith("{") && f.endsWith("}") ? f.substring(1, f.length() - 1).strip() : f)
        .filter(f -> !f.isEmpty())
        .toList());
    List<Matcher> matchers = List.of();
    try {
      matchers = MatcherInput.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add("filter: " + e.getMessage());
    }
    String priority = param(ctx, "priority");
    if (!priority.isEmpty() && !PRIORITIES.contains(priority)) {
      problems.add("priority: expected P0, P1 or P2");
      priority = "";
    }
    String state = param(ctx, "state");
    if (!state.isEmpty() && !STATES.contains(state)) {
      problems.add("state: expected one of " + String.join(", ", STATES));
      state = "";
    }
    return new AlertFilter(text, matchers, priority, param(ctx, "team"), param(ctx, "receiver"), state, problems);
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  /** Whether the row passes every part of the filter but the receiver (which picks groups). */
  boolean accepts(AlertRow row) {
    if (!Matchers.allMatch(matchers, row.classified())) {
      return false;
    }
    if (!priority.isEmpty() && !priority.equals(row.priority())) {
      return false;
    }
    if (!team.isEmpty() && !team.equals(row.team())) {
      return false;
    }
    return switch (state) {
      case "" -> true;
      case "firing" -> row.firing();
      case "active" -> "firing".equals(row.state());
      case "suppressed" -> row.firing() && !"firing".equals(row.state());
      default -> state.equals(row.state());
    };
  }

  /** The query string that reproduces this filter ({@code filter=...&priority=...}), without a leading '?'. */
  String query() {
    StringBuilder q = new StringBuilder();
    add(q, "filter", text);
    add(q, "priority", priority);
    add(q, "team", team);
    add(q, "receiver", receiver);
    add(q, "state", state);
    return q.toString();
  }

  private static void add(StringBuilder q, String name, String value) {
    if (value != null && !value.isEmpty()) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(name).append('=').append(Views.query(value));
    }
  }
}
