package dev.tta.alertrouter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.ReceiverCheck;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code POST /api/v1/receivers/{name}/test}: one synthetic alert (the body's {@code labels}, or
 * {@code alertname="AlertRouterTestNotification"}) through every integration of the receiver,
 * answered per integration: delivered, failed (with the peer's status and message) or dry_run (with
 * the rendered payload). Behind the admin check, since it sends to real people.
 */
public final class ReceiverTestHandler {
  static final String PATH = "/api/v1/receivers/{name}/test";

  /** Runs the test; empty when there is no such receiver. */
  @FunctionalInterface
  public interface Tester {
    Optional<List<ReceiverCheck.Result>> test(String receiver, Labels labels);
  }

  private final Tester tester;
  private final ObjectMapper mapper = new ObjectMapper();

  public ReceiverTestHandler(Tester tester) {
    this.tester = Objects.requireNonNull(tester, "tester");
  }

  void register(JavalinConfig config, UnaryOperator<Handler> admin) {
    config.routes.post(PATH, admin.apply(this::handle));
  }

  private void handle(Context ctx) {
    List<String> problems = new ArrayList<>();
    Labels labels = labels(ctx.body(), problems);
    if (!problems.isEmpty()) {
      Json.reply(ctx, 400, new Replies.Problems(problems));
      return;
    }
    String receiver = ctx.pathParam("name");
    Optional<List<ReceiverCheck.Result>> results = tester.test(receiver, labels);
    if (results.isEmpty()) {
      Json.reply(ctx, 404, new Replies.Problems(List.of("no receiver " + receiver)));
      return;
    }
    List<ResultJson> data = results.get().stream().map(ResultJson::of).toList();
    Json.reply(ctx, 200, new Replies.Data<>(new Answer(receiver, data)));
  }

  private Labels labels(String body, List<String> problems) {
    if (body.isBlank()) {
      return Labels.empty();
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      problems.add("body: not valid JSON: " + e.getOriginalMessage());
      return Labels.empty();
    }
    if (!root.isObject()) {
      problems.add("body: must be a JSON object {\"labels\": {...}}");
      return Labels.empty();
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("labels")) {
        problems.add(name + ": unknown field; expected labels");
      }
    }
    JsonNode given = root.get("labels");
    if (given == null || given.isNull()) {
      return Labels.empty();
    }
    if (!given.isObject()) {
      problems.add("labels: must be an object of label names to values");
      return Labels.empty();
    }
    Map<String, String> labels = new TreeMap<>();
    given.fields().forEachRemaining(e -> {
      if (!Labels.isValidName(e.getKey())) {
        problems.add("labels: invalid label name \"" + e.getKey() + "\"");
      } else if (!e.getValue().isTextual()) {
        problems.add("labels." + e.getKey() + ": must be a string");
      } else {
        labels.put(e.getKey(), e.getValue().asText());
      }
    });
    return Labels.of(labels);
  }

  /** The answer: the receiver and one result per integration. */
  record Answer(String receiver, List<ResultJson> integrations) {}

  /** One integration's result; {@code reason} for a failure, {@code payload} for a dry run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResultJson(String integration, String outcome, String reason, String payload) {
    static ResultJson of(ReceiverCheck.Result r) {
      return new ResultJson(r.integration(), r.outcome().wireName(),
          r.outcome() == ReceiverCheck.Outcome.FAILED ? r.detail() : null,
          r.outcome() == ReceiverCheck.Outcome.DRY_RUN ? r.detail() : null);
    }
  }
}
