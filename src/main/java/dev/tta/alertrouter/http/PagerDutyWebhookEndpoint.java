package dev.tta.alertrouter.http;

import dev.tta.alertrouter.notify.pagerduty.IncidentWebhooks;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * {@code POST /api/v1/pagerduty/webhook}: PagerDuty's v3 webhook subscription posts here. Open in
 * {@code http.auth.Endpoints} because PagerDuty authenticates by signing the body; an unsigned or
 * wrongly signed request is 401 and changes nothing. Answers {@code {"status":"success","data":"what
 * it did"}}, also for events it ignores, so PagerDuty does not retry them.
 */
public final class PagerDutyWebhookEndpoint {
  static final String PATH = "/api/v1/pagerduty/webhook";

  private final IncidentWebhooks webhooks;

  public PagerDutyWebhookEndpoint(IncidentWebhooks webhooks) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
  }

  void handle(Context ctx) {
    IncidentWebhooks.Outcome outcome = webhooks.receive(ctx.bodyAsBytes(), ctx.header("X-PagerDuty-Signature"));
    if (outcome instanceof IncidentWebhooks.Outcome.Unsigned unsigned) {
      Json.error(ctx, 401, unsigned.reason());
    } else if (outcome instanceof IncidentWebhooks.Outcome.Malformed malformed) {
      Json.reply(ctx, 400, new Replies.Problems(malformed.problems()));
    } else {
      Json.reply(ctx, 200, new Replies.Data<>(((IncidentWebhooks.Outcome.Done) outcome).result()));
    }
  }
}
