package dev.tta.alertrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.SilenceNotFoundException;
import dev.tta.alertrouter.mute.SilenceState;
import dev.tta.alertrouter.mute.SilenceValidationException;
import dev.tta.alertrouter.mute.Silences;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST|DELETE /api/v1/silences}: list (optionally {@code ?state=active|pending|expired}),
 * read one, create or update (Alertmanager's v2 postable silence), and expire. Replies are
 * {@code {"status":"success","data":…}} or {@code {"status":"error","errors":[…]}} naming each
 * problem. Routes are added from the server's config lambda:
 * {@code Javalin.create(cfg -> silenceHandlers.register(cfg))}.
 */
public final class SilenceHandlers {
  static final String COLLECTION = "/api/v1/silences";
  static final String ONE = "/api/v1/silences/{id}";

  private static final Logger LOG = LoggerFactory.getLogger(SilenceHandlers.class);

  private final Silences silences;
  private final Clock clock;
  private final Function<SilenceDraft, List<String>> references;
  private final ObjectMapper mapper = new ObjectMapper();

  /** Without a configuration to check them against: a recurrence or an owner is refused. */
  public SilenceHandlers(Silences silences, Clock clock) {
    this(silences, clock, SilenceHandlers::noReferences);
  }

  /**
   * @param references the problems of a draft's recurrence and owner against the current
   *     configuration (unknown time interval, unknown receiver); empty when it may be stored
   */
  public SilenceHandlers(Silences silences, Clock clock, Function<SilenceDraft, List<String>> references) {
    this.silences = Objects.requireNonNull(silences, "silences");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.references = Objects.requireNonNull(references, "references");
  }

  private static List<String> noReferences(SilenceDraft draft) {
    return draft.recurrence().isEmpty() && draft.owner().isEmpty()
        ? List.of()
        : List.of("recurrence and owner need a configuration to check them against");
  }

  /** Adds the four routes to a Javalin 7 server being configured; reading is open. */
  public void register(JavalinConfig config) {
    register(config, UnaryOperator.identity(), RequestIdentity::of);
  }

  /**
   * Adds the four routes; creating and expiring a silence go through {@code admin} (the
   * {@code server.admin_auth} check), since a silence can hide a page.
   */
  void register(JavalinConfig config, UnaryOperator<Handler> admin, Function<Context, Optional<String>> identity) {
    config.routes.get(COLLECTION, guarded(this::list));
    config.routes.post(COLLECTION, admin.apply(guarded(ctx -> post(ctx, identity.apply(ctx)))));
    config.routes.get(ONE, guarded(this::getOne));
    config.routes.delete(ONE, admin.apply(guarded(this::expire)));
  }

  private void list(Context ctx) {
    String state = ctx.queryParam("state");
    List<Silence> found;
    if (state == null || state.isEmpty()) {
      found = silences.list();
    } else {
      try {
        found = silences.list(SilenceState.fromWireName(state));
      } catch (IllegalArgumentException e) {
        reply(ctx, 400, SilenceJson.error(List.of("state: " + e.getMessage())));
        return;
      }
    }
    var data = SilenceJson.array();
    var now = clock.instant();
    found.forEach(s -> data.add(SilenceJson.write(s, now)));
    reply(ctx, 200, SilenceJson.success(data));
  }

  private void getOne(Context ctx) {
    String id = ctx.pathParam("id");
    silences.get(id).ifPresentOrElse(
        s -> reply(ctx, 200, SilenceJson.success(SilenceJson.write(s, clock.instant()))),
        () -> reply(ctx, 404, SilenceJson.error(List.of("silence " + id + " not found"))));
  }

  /** With an authenticated identity, it is the author, whatever the body's {@code createdBy}. */
  private void post(Context ctx, Optional<String> identity) {
    JsonNode body;
    try {
      body = mapper.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      reply(ctx, 400, SilenceJson.error(List.of("body is not valid JSON: " + e.getOriginalMessage())));
      return;
    }
    SilenceJson.Parsed parsed = SilenceJson.readDraft(body);
    if (!parsed.problems().isEmpty()) {
      reply(ctx, 400, SilenceJson.error(parsed.problems()));
      return;
    }
    SilenceDraft draft = parsed.draft();
    List<String> unknown = references.apply(draft);
    if (!unknown.isEmpty()) {
      reply(ctx, 400, SilenceJson.error(unknown));
      return;
    }
    if (identity.isPresent()) {
      draft = new SilenceDraft(draft.id(), draft.matchers(), draft.startsAt(), draft.endsAt(), identity.get(),
          draft.comment(), draft.recurrence(), draft.owner());
    }
    String id = silences.set(draft);
    reply(ctx, 200, SilenceJson.success(SilenceJson.object().put("silenceID", id)));
  }

  private void expire(Context ctx) {
    Silence expired = silences.expire(ctx.pathParam("id"));
    reply(ctx, 200, SilenceJson.success(SilenceJson.write(expired, clock.instant())));
  }

  /** Turns the service's refusals into 400/404 and anything unexpected into a 500 without internals. */
  private Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (SilenceValidationException e) {
        reply(ctx, 400, SilenceJson.error(e.problems()));
      } catch (SilenceNotFoundException e) {
        reply(ctx, 404, SilenceJson.error(List.of(e.getMessage())));
      } catch (RuntimeException e) {
        LOG.error("silence request {} {} failed", ctx.method(), ctx.path(), e);
        reply(ctx, 500, SilenceJson.error(List.of("internal error while handling the silence request")));
      }
    };
  }

  private void reply(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
