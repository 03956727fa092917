package dev.tta.alertrouter.http;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.intake.AlertSource;
import dev.tta.alertrouter.intake.InvalidReason;
import dev.tta.alertrouter.intake.ParseResult;
import dev.tta.alertrouter.intake.Problem;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StoreUnavailableException;
import dev.tta.alertrouter.store.Upserted;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One intake route: check the body, parse it, store the good alerts, hand them on, answer.
 *
 * <p>Answers as Alertmanager's own v2 API does, in terms its senders' retry logic understands: the
 * valid alerts of a batch are stored even when others are refused (neither Prometheus nor
 * Alertmanager resends on a 4xx, so refusing them too would lose them), and the answer is then 400
 * naming each bad alert by index. A body that cannot be read as a payload at all stores nothing.
 * 200 comes only after the store has taken the alerts; 503 when it cannot, so the sender retries.
 *
 * <p>Errors are written in one of two forms: alert-router's object ({@code {"status":"error",
 * "accepted":N,"errors":[…]}}, the webhook route) or, on Alertmanager's own route
 * {@code POST /api/v2/alerts}, a JSON string as Alertmanager and its OpenAPI spec answer, naming
 * every problem ({@code "alert 1: labels.foo-bar: invalid label name …; alert 3: labels: …"}).
 */
final class IntakeEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeEndpoint.class);

  private final AlertSource source;
  private final Function<byte[], ParseResult> parser;
  private final AlertStore store;
  private final RouterMetrics metrics;
  private final Supplier<ServerSettings> settings;
  private final Consumer<Upserted> onAccepted;
  private final Clock clock;
  private final Consumer<CaptureRecord> capture;
  private final boolean alertmanagerErrors;

  /** How errors are answered. */
  enum Errors {
    /** {@code {"status":"error","accepted":N,"errors":[{"index","field","message"}]}} */
    OBJECT,
    /** a JSON string, as Alertmanager's v2 API */
    ALERTMANAGER_STRING
  }

  IntakeEndpoint(
      AlertSource source,
      Function<byte[], ParseResult> parser,
      AlertStore store,
      RouterMetrics metrics,
      Supplier<ServerSettings> settings,
      Consumer<Upserted> onAccepted,
      Clock clock,
      Errors errors,
      Consumer<CaptureRecord> capture) {
    this.alertmanagerErrors = errors == Errors.ALERTMANAGER_STRING;
    this.source = source;
    this.parser = parser;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.onAccepted = onAccepted;
    this.clock = clock;
    this.capture = capture;
    for (Alert.Status status : Alert.Status.values()) {
      metrics.alertsReceived(source.metricLabel(), status, 0);
    }
  }

  void handle(Context ctx) throws IOException {
    String typeProblem = RequestBody.contentTypeProblem(ctx.header("Content-Type"));
    if (typeProblem != null) {
      refuse(ctx, 415, Problem.ofPayload("Content-Type", typeProblem, InvalidReason.WRONG_CONTENT_TYPE));
      return;
    }
    byte[] body;
    try {
      body = RequestBody.read(ctx, settings.get().maxRequestBytes());
    } catch (RequestBody.TooLarge e) {
      refuse(ctx, 413, Problem.ofPayload(null, e.getMessage(), InvalidReason.TOO_LARGE));
      return;
    }
    ParseResult result = parser.apply(body);
    if (result instanceof ParseResult.Rejected rejected) {
      LOG.warn("refused a payload from {}: {}", source.metricLabel(), rejected.problems().get(0).message());
      metrics.alertsInvalid(rejected.reason().metricLabel(), 1);
      error(ctx, 400, 0, 0, rejected.problems());
      return;
    }
    accept(ctx, (ParseResult.Batch) result);
  }

  private void accept(Context ctx, ParseResult.Batch batch) {
    Upserted upserted;
    try {
      upserted = store.upsertAll(batch.alerts());
    } catch (StoreUnavailableException e) {
      // The store logs why (an outage once, when it starts); a line per refused request would bury it.
      LOG.debug("refusing {} alerts from {}: {}", batch.alerts().size(), source.metricLabel(), e.getMessage());
      if (alertmanagerErrors) {
        Json.reply(ctx, 503, "alert store unavailable; retry later");
      } else {
        Json.error(ctx, 503, "alert store unavailable; retry later");
      }
      return;
    }
    count(batch);
    if (!batch.alerts().isEmpty()) {
      // The parsed alerts only, never the request's headers: no credential can reach the capture.
      capture.accept(new CaptureRecord(clock.instant(), source.metricLabel(), batch.alerts()));
    }
    if (!upserted.stored().isEmpty()) {
      onAccepted.accept(upserted);
    }
    // Every valid alert was taken, durably, though while the stored alerts are still read at start
    // the store hands them on later (upserted is empty then).
    int accepted = batch.alerts().size();
    if (batch.problems().isEmpty()) {
      Json.replyWritten(ctx, 200, Replies.Intake.successJson(accepted, batch.truncatedAlerts()));
    } else {
      error(ctx, 400, accepted, batch.truncatedAlerts(), batch.problems());
    }
  }

  private void count(ParseResult.Batch batch) {
    Instant now = clock.instant();
    long resolved = batch.alerts().stream().filter(a -> a.isResolvedAt(now)).count();
    metrics.alertsReceived(source.metricLabel(), Alert.Status.RESOLVED, resolved);
    metrics.alertsReceived(source.metricLabel(), Alert.Status.FIRING, batch.alerts().size() - resolved);
    for (Problem p : batch.firstProblemPerAlert()) {
      metrics.alertsInvalid(p.reason().metricLabel(), 1);
    }
    if (batch.truncatedAlerts() > 0) {
      metrics.alertsTruncated(batch.truncatedAlerts());
      LOG.info("Alertmanager left {} alerts out of a webhook payload (max_alerts)", batch.truncatedAlerts());
    }
    if (!batch.problems().isEmpty()) {
      Problem first = batch.problems().get(0);
      LOG.warn("refused {} of {} alerts from {}; first problem: alert {} {}: {}",
          batch.received() - batch.alerts().size(), batch.received(), source.metricLabel(),
          first.index(), first.field(), first.message());
    }
  }

  private void refuse(Context ctx, int status, Problem problem) {
    metrics.alertsInvalid(problem.reason().metricLabel(), 1);
    error(ctx, status, 0, 0, List.of(problem));
  }

  private void error(Context ctx, int status, int accepted, int truncated, List<Problem> problems) {
    if (alertmanagerErrors) {
      Json.reply(ctx, status, alertmanagerMessage(problems));
    } else {
      Json.reply(ctx, status, Replies.Intake.error(accepted, truncated, problems));
    }
  }

  /** Every problem, joined with "; " as Alertmanager joins its validation errors, each naming its alert and field. */
  static String alertmanagerMessage(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      if (p.index() != null) {
        sb.append("alert ").append(p.index()).append(": ");
      }
      if (p.field() != null) {
        sb.append(p.field()).append(": ");
      }
      sb.append(p.message());
    }
    return sb.toString();
  }
}
