package dev.tta.alertrouter.http;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.query.AlertQueries;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/alerts}: the held alerts, sorted by fingerprint. Each {@code filter} value is a
 * matcher or a {@code {a="b",c=~"d"}} list; all must match. {@code status=firing|resolved} narrows.
 */
final class AlertsEndpoint {
  private final AlertQueries queries;

  AlertsEndpoint(AlertQueries queries) {
    this.queries = queries;
  }

  void handle(Context ctx) {
    List<Replies.ProblemJson> problems = new ArrayList<>();
    List<Matcher> matchers = new ArrayList<>();
    for (String filter : ctx.queryParams("filter")) {
      try {
        matchers.addAll(Matchers.parseList(filter));
      } catch (IllegalArgumentException e) {
        problems.add(new Replies.ProblemJson(null, "filter", "bad filter " + quote(filter) + ": " + e.getMessage()));
      }
    }
    String status = ctx.queryParam("status");
    Alert.Status wanted = null;
    if (status != null) {
      wanted = parseStatus(status);
      if (wanted == null) {
        problems.add(new Replies.ProblemJson(null, "status",
            "bad status " + quote(status) + ": expected firing or resolved"));
      }
    }
    if (!problems.isEmpty()) {
      Json.reply(ctx, 400, new Replies.BadQuery(problems));
      return;
    }
    Instant now = queries.now();
    List<AlertJson> alerts = new ArrayList<>();
    for (Alert a : queries.held(matchers, Optional.ofNullable(wanted), now)) {
      alerts.add(AlertJson.of(a, now));
    }
    Json.reply(ctx, 200, new Replies.Data<>(alerts));
  }

  private static Alert.Status parseStatus(String s) {
    for (Alert.Status st : Alert.Status.values()) {
      if (st.wireName().equals(s)) {
        return st;
      }
    }
    return null;
  }

  private static String quote(String s) {
    return '"' + (s.length() <= 200 ? s : s.substring(0, 200) + "...") + '"';
  }
}
