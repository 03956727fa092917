package dev.tta.alertrouter.http.v2;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.mute.Silence;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.SilenceNotFoundException;
import dev.tta.alertrouter.mute.SilenceValidationException;
import dev.tta.alertrouter.mute.Silences;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /api/v2/silences}, {@code GET|DELETE /api/v2/silence/{silenceID}} over the same
 * {@link Silences} service as {@code /api/v1/silences}.
 */
final class V2Silences {
  /** go-openapi's {@code strfmt} UUID. */
  private static final Pattern UUID = Pattern.compile(
      "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");

  private final Silences silences;
  private final Clock clock;
  private final Function<Context, Optional<String>> identity;

  /** @param identity the authenticated identity of a request, if any; it becomes a silence's author */
  V2Silences(Silences silences, Clock clock, Function<Context, Optional<String>> identity) {
    this.silences = silences;
    this.clock = clock;
    this.identity = identity;
  }

  void list(Context ctx) {
    List<Matcher> filter;
    try {
      filter = V2AlertParams.filter(ctx);
    } catch (V2AlertParams.BadParam e) {
      V2Replies.message(ctx, 400, e.getMessage());
      return;
    }
    Instant now = clock.instant();
    V2Replies.json(ctx, 200, silences.listHaving(filter).stream().map(s -> V2SilenceJson.of(s, now)).toList());
  }

  void getOne(Context ctx) {
    String id = ctx.pathParam("silenceID");
    if (!isUuid(ctx, id)) {
      return;
    }
    Optional<Silence> found = silences.get(id);
    if (found.isEmpty()) {
      ctx.status(404);
      return;
    }
    V2Replies.json(ctx, 200, V2SilenceJson.of(found.get(), clock.instant()));
  }

  /** Expires a silence: 404 when unknown (Alertmanager 0.25 answers 500), 400 when already expired. */
  void expire(Context ctx) {
    String id = ctx.pathParam("silenceID");
    if (!isUuid(ctx, id)) {
      return;
    }
    try {
      silences.expire(id);
      ctx.status(200);
    } catch (SilenceNotFoundException e) {
      V2Replies.message(ctx, 404, "silence not found");
    } catch (SilenceValidationException e) {
      V2Replies.message(ctx, 400, "silence " + id + " already expired");
    }
  }

  void post(Context ctx) {
    Optional<String> author = identity.apply(ctx);
    V2SilenceBody.Posted posted;
    try {
      posted = V2SilenceBody.read(ctx.body(), author.isPresent());
    } catch (V2SilenceBody.Refused e) {
      if (e.code == 0) {
        V2Replies.message(ctx, e.status, e.getMessage());
      } else {
        V2Replies.validation(ctx, e.status, e.code, e.getMessage());
      }
      return;
    }
    List<Matcher> matchers = new ArrayList<>();
    for (int i = 0; i < posted.matchers().size(); i++) {
      V2SilenceBody.RawMatcher m = posted.matchers().get(i);
      if (!Labels.isValidName(m.name())) {
        V2Replies.message(ctx, 400, "silence invalid: invalid label matcher " + i + ": invalid label name \"" + m.name() + "\"");
        return;
      }
      try {
        matchers.add(Matcher.of(m.name(), m.type(), m.value()));
      } catch (IllegalArgumentException e) {
        V2Replies.message(ctx, 400, "silence invalid: invalid label matcher " + i + ": invalid regular expression \""
            + m.value() + "\": " + e.getMessage());
        return;
      }
    }
    if (matchers.stream().allMatch(m -> m.matches(""))) {
      V2Replies.message(ctx, 400, "silence invalid: at least one matcher must not match the empty string");
      return;
    }
    if (!posted.startsAt().isBefore(posted.endsAt())) {
      V2Replies.message(ctx, 400, "Failed to create silence: start time must be before end time");
      return;
    }
    if (posted.endsAt().isBefore(clock.instant())) {
      V2Replies.message(ctx, 400, "Failed to create silence: end time can't be in the past");
      return;
    }
    // v2's schema has no place for a recurrence or an owner: an update (amtool, Grafana) keeps them.
    Optional<Silence> previous = posted.id().flatMap(silences::get);
    SilenceDraft draft = new SilenceDraft(posted.id().orElse(null), matchers, posted.startsAt(), posted.endsAt(),
        author.orElse(posted.createdBy().orElse("")), posted.comment(),
        previous.map(Silence::recurrence).orElse(List.of()), previous.flatMap(Silence::owner));
    try {
      V2Replies.json(ctx, 200, new V2SilenceJson.Created(silences.set(draft)));
    } catch (SilenceNotFoundException e) {
      V2Replies.message(ctx, 404, "silence not found");
    } catch (SilenceValidationException e) {
      V2Replies.message(ctx, 400, "silence invalid: " + String.join("; ", e.problems()));
    }
  }

  private static boolean isUuid(Context ctx, String id) {
    if (UUID.matcher(id).matches()) {
      return true;
    }
    V2Replies.validation(ctx, 422, V2Replies.INVALID_TYPE, "silenceID in path must be of type uuid: \"" + id + "\"");
    return false;
  }
}
