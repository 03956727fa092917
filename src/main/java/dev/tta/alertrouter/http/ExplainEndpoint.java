package dev.tta.alertrouter.http;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.Explanation;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/alerts/{fingerprint}/explain}: every decision taken about one alert, in order.
 * 400 for a fingerprint that is not 1 to 16 hex digits; 404 for one never seen or already forgotten.
 */
final class ExplainEndpoint {
  static final String PATH = "/api/v1/alerts/{fingerprint}/explain";
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");

  private final ExplainRecorder recorder;

  ExplainEndpoint(ExplainRecorder recorder) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  void handle(Context ctx) {
    String given = ctx.pathParam("fingerprint");
    if (!HEX.matcher(given).matches()) {
      Json.reply(ctx, 400, new Replies.BadQuery(List.of(new Replies.ProblemJson(null, "fingerprint",
          "expected 1 to 16 hex digits, as Alertmanager prints a fingerprint; found \"" + given + "\""))));
      return;
    }
    Fingerprint fingerprint = Fingerprint.parse(given);
    Optional<Explanation> explanation = recorder.explain(fingerprint);
    if (explanation.isEmpty()) {
      Json.error(ctx, 404, "no decisions recorded for alert " + fingerprint
          + ": it never reached this server, or it is older than the alerts explain keeps");
      return;
    }
    Json.reply(ctx, 200, new Replies.Data<>(ExplanationJson.of(explanation.get())));
  }

  /** An explanation on the wire. */
  record ExplanationJson(
      String fingerprint, Map<String, String> labels, List<DecisionJson> decisions, long droppedDecisions) {
    static ExplanationJson of(Explanation e) {
      return new ExplanationJson(e.fingerprint().toString(), e.labels().asUnmodifiableMap(),
          e.decisions().stream().map(DecisionJson::of).toList(), e.droppedDecisions());
    }
  }

  /** One decision on the wire; {@code lastAt} and {@code times} tell how often it was taken again. */
  record DecisionJson(
      String at, String stage, String summary, Map<String, String> details, String lastAt, int times) {
    static DecisionJson of(Decision d) {
      return new DecisionJson(d.at().toString(), d.stage().wireName(), d.summary(), d.details(),
          d.lastAt().toString(), d.times());
    }
  }
}
