package dev.tta.alertrouter.http;

import dev.tta.alertrouter.dispatch.GroupSnapshot;
import io.javalin.http.Context;
import dev.tta.alertrouter.query.AlertQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code GET /api/v1/groups}: the aggregation groups the dispatcher holds, sorted by group key. */
final class GroupsEndpoint {
  private final AlertQueries queries;

  GroupsEndpoint(AlertQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  void handle(Context ctx) {
    List<GroupJson> body = new ArrayList<>();
    queries.groupSnapshots().forEach(g -> body.add(GroupJson.of(g)));
    Json.reply(ctx, 200, body);
  }

  /** One group on the wire. */
  record GroupJson(
      String groupKey, String routeKey, String receiver, Map<String, String> groupLabels,
      List<AlertRef> alerts, String nextFlushAt) {
    static GroupJson of(GroupSnapshot g) {
      List<AlertRef> alerts = g.alerts().stream()
          .map(a -> new AlertRef(a.fingerprint().toString(), a.status().wireName()))
          .toList();
      return new GroupJson(g.groupKey(), g.routeKey(), g.receiver(), g.groupLabels().asUnmodifiableMap(),
          alerts, g.nextFlushAt().toString());
    }
  }

  /** An alert of a group: its fingerprint and status. */
  record AlertRef(String fingerprint, String status) {}
}
