package dev.tta.alertrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.ack.Acknowledgements;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code POST|DELETE /api/v1/groups/{groupKey}/ack}: acknowledge a group ({@code {"by","comment",
 * "until"}}) or end its acknowledgement. Both go through the same check as silences (the caller
 * passes it in). Who acknowledges is the request's authenticated identity (request attribute
 * {@value #IDENTITY}) where the auth layer set one, else the body's {@code by}.
 */
public final class AckHandlers {
  /** The request attribute the auth layer sets to the authenticated user's name. */
  static final String IDENTITY = "alertrouter.identity";
  /** The group key may hold slashes ({@code {}/{team="a"}:{...}}), so the parameter takes them. */
  static final String PATH = "/api/v1/groups/<groupKey>/ack";
  private static final Set<String> FIELDS = Set.of("by", "comment", "until");

  private final Acknowledgements acks;
  private final ObjectMapper mapper = new ObjectMapper();

  public AckHandlers(Acknowledgements acks) {
    this.acks = Objects.requireNonNull(acks, "acks");
  }

  /** Adds both routes behind {@code admin} (the one check that also guards silence writes). */
  void register(JavalinConfig config, UnaryOperator<Handler> admin) {
    config.routes.post(PATH, admin.apply(this::ack));
    config.routes.delete(PATH, admin.apply(this::unack));
  }

  private void ack(Context ctx) {
    List<String> problems = new ArrayList<>();
    JsonNode body = readBody(ctx, problems);
    String by = identity(ctx);
    String comment = "";
    Instant until = null;
    if (body != null) {
      for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          problems.add(name + ": unknown field; expected by, comment, until");
        }
      }
      if (by == null) {
        by = text(body, "by", problems);
      }
      String givenComment = text(body, "comment", problems);
      comment = givenComment == null ? "" : givenComment;
      String givenUntil = text(body, "until", problems);
      if (givenUntil != null) {
        try {
          until = Instant.parse(givenUntil);
        } catch (DateTimeParseException e) {
          problems.add("until: not an RFC 3339 time such as 2026-11-25T12:00:00Z: " + shorten(givenUntil));
        }
      }
    }
    if (problems.isEmpty() && (by == null || by.isBlank())) {
      problems.add("by: who acknowledges is required");
    }
    if (!problems.isEmpty()) {
      Json.reply(ctx, 400, new Replies.Problems(problems));
      return;
    }
    answer(ctx, acks.ack(ctx.pathParam("groupKey"), new AckRequest(by, comment, until, Ack.VIA_API)));
  }

  private void unack(Context ctx) {
    String by = identity(ctx);
    answer(ctx, acks.unack(ctx.pathParam("groupKey"), by == null ? ctx.queryParam("by") : by));
  }

  private static void answer(Context ctx, AckOutcome outcome) {
    if (outcome instanceof AckOutcome.Acked acked) {
      Json.reply(ctx, 200, new Replies.Data<>(AckJson.of(acked.ack())));
    } else if (outcome instanceof AckOutcome.UnknownGroup unknown) {
      Json.reply(ctx, 404, new Replies.Problems(List.of("no group " + unknown.groupKey())));
    } else if (outcome instanceof AckOutcome.Refused refused) {
      Json.reply(ctx, 400, new Replies.Problems(List.of(refused.problem())));
    } else {
      Json.reply(ctx, 200, new Replies.Success());
    }
  }

  private JsonNode readBody(Context ctx, List<String> problems) {
    String text = ctx.body();
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonNode body = mapper.readTree(text);
      if (!body.isObject()) {
        problems.add("body: must be a JSON object {\"by\",\"comment\",\"until\"}");
        return null;
      }
      return body;
    } catch (JsonProcessingException e) {
      problems.add("body: not valid JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  private static String text(JsonNode body, String field, List<String> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(field + ": must be a string");
      return null;
    }
    return value.asText();
  }

  private static String identity(Context ctx) {
    Object identity = ctx.attribute(IDENTITY);
    return identity instanceof String name && !name.isBlank() ? name : null;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  /** An acknowledgement on the wire, in answers and in {@code GET /api/v1/groups}. */
  record AckJson(String by, String comment, String at, String until) {
    static AckJson of(Ack ack) {
      return new AckJson(ack.by(), ack.comment(), ack.at().toString(), ack.until() == null ? null : ack.until().toString());
    }
  }
}
