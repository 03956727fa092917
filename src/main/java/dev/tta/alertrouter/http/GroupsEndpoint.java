package dev.tta.alertrouter.http;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.query.AlertQueries;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@code GET /api/v1/groups}: the aggregation groups the dispatcher holds, sorted by group key. */
final class GroupsEndpoint {
  private final AlertQueries queries;
  private final Function<String, Optional<Ack>> acks;

  /** @param acks the acknowledgement holding each group now, by group key */
  GroupsEndpoint(AlertQueries queries, Function<String, Optional<Ack>> acks) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.acks = Objects.requireNonNull(acks, "acks");
  }

  void handle(Context ctx) {
    List<GroupJson> body = new ArrayList<>();
    queries.groupSnapshots()
        .forEach(g -> body.add(GroupJson.of(g, acks.apply(g.groupKey()).map(AckHandlers.AckJson::of).orElse(null))));
    Json.reply(ctx, 200, body);
  }

  /** One group on the wire. */
  record GroupJson(
      String groupKey, String routeKey, String receiver, Map<String, String> groupLabels,
      List<AlertRef> alerts, String nextFlushAt, AckHandlers.AckJson ack) {
    /** @param ack the acknowledgement holding the group, or null */
    static GroupJson of(GroupSnapshot g, AckHandlers.AckJson ack) {
      List<AlertRef> alerts = g.alerts().stream()
          .map(a -> new AlertRef(a.fingerprint().toString(), a.status().wireName()))
          .toList();
      return new GroupJson(g.groupKey(), g.routeKey(), g.receiver(), g.groupLabels().asUnmodifiableMap(),
          alerts, g.nextFlushAt().toString(), ack);
    }
  }

  /** An alert of a group: its fingerprint and status. */
  record AlertRef(String fingerprint, String status) {}
}
