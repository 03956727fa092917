package dev.tta.alertrouter.http.v2;

import dev.tta.alertrouter.query.AlertFilter;
import dev.tta.alertrouter.query.AlertQueries;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v2/alerts} and {@code GET /api/v2/alerts/groups}. */
final class V2Alerts {
  private final AlertQueries queries;

  V2Alerts(AlertQueries queries) {
    this.queries = queries;
  }

  void list(Context ctx) {
    AlertFilter filter;
    try {
      filter = V2AlertParams.read(ctx);
    } catch (V2AlertParams.BadParam e) {
      V2Replies.message(ctx, 400, e.getMessage());
      return;
    }
    List<V2AlertJson> body = queries.firing(filter, queries.now()).stream().map(V2AlertJson::of).toList();
    V2Replies.json(ctx, 200, body);
  }

  void groups(Context ctx) {
    AlertFilter filter;
    try {
      filter = V2AlertParams.read(ctx);
    } catch (V2AlertParams.BadParam e) {
      V2Replies.message(ctx, 400, e.getMessage());
      return;
    }
    Instant now = queries.now();
    List<V2AlertJson.Group> body = queries.groups(filter, now).stream()
        .map(V2AlertJson.Group::of)
        .sorted(Comparator.comparing(V2AlertJson.Group::labels, V2Alerts::labelSetOrder)
            .thenComparing(g -> g.receiver().name()))
        .toList();
    V2Replies.json(ctx, 200, body);
  }

  /** Prometheus' {@code LabelSet.Before}: fewer labels first, then by sorted names, then values. */
  static int labelSetOrder(Map<String, String> a, Map<String, String> b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    List<String> an = a.keySet().stream().sorted().toList();
    List<String> bn = b.keySet().stream().sorted().toList();
    for (int i = 0; i < an.size(); i++) {
      int c = an.get(i).compareTo(bn.get(i));
      if (c != 0) {
        return c;
      }
    }
    for (String name : an) {
      int c = a.get(name).compareTo(b.get(name));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
