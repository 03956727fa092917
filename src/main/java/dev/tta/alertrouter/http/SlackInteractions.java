package dev.tta.alertrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.GroupDirectory;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.SilenceValidationException;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.slack.SlackAction;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/slack/interactions}: Slack's Interactivity request URL. Slack posts a
 * form-encoded {@code payload} of type {@code block_actions} when someone clicks a button of a
 * message; after {@link SlackSignatureCheck} (401 and nothing changes otherwise) the Acknowledge,
 * Unacknowledge and Silence buttons act on the group their {@code value} names, as the Slack user
 * ({@code @username}). The answer is an empty 200 at once, as Slack asks; what the user should
 * know (a refusal, the silence made) goes back through the {@code response_url}, seen only by them.
 * The message itself is updated by the acknowledgement's listener, whichever way it was given.
 */
public final class SlackInteractions {
  public static final String PATH = "/api/v1/slack/interactions";
  private static final Logger LOG = LoggerFactory.getLogger(SlackInteractions.class);
  private static final String COMMENT = "from Slack";

  private final SlackSignatureCheck signatures;
  private final Acknowledgements acks;
  private final GroupDirectory groups;
  private final Silences silences;
  private final SlackResponder responder;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param signingSecrets the signing secrets configured now ({@code RouterConfig.slackSigningSecrets})
   * @param groups finds the group a button names, for the silence's matchers
   */
  public SlackInteractions(Supplier<List<Secret>> signingSecrets,
      Acknowledgements acks, GroupDirectory groups, Silences silences, Clock clock) {
    this(new SlackSignatureCheck(signingSecrets, clock), acks, groups, silences, new SlackResponder(), clock);
  }

  SlackInteractions(SlackSignatureCheck signatures, Acknowledgements acks, GroupDirectory groups, Silences silences,
      SlackResponder responder, Clock clock) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.acks = Objects.requireNonNull(acks, "acks");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.silences = Objects.requireNonNull(silences, "silences");
    this.responder = Objects.requireNonNull(responder, "responder");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void register(JavalinConfig config) {
    config.routes.post(PATH, this::handle);
  }

  private void handle(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    Optional<String> refusal = signatures.refusal(
        ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), body);
    if (refusal.isPresent()) {
      LOG.info("refused a Slack interaction: {}", refusal.get());
      Json.error(ctx, 401, refusal.get());
      return;
    }
    JsonNode payload;
    try {
      payload = payload(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      Json.reply(ctx, 400, new Replies.Problems(List.of(e.getMessage())));
      return;
    }
    ctx.status(200);
    // Other interactions (a link button's click, a shortcut) need no answer but the 200.
    if (!"block_actions".equals(payload.path("type").asText())) {
      return;
    }
    String user = user(payload.path("user"));
    String responseUrl = payload.path("response_url").asText("");
    for (JsonNode action : payload.path("actions")) {
      Optional<SlackAction> known = SlackAction.byActionId(action.path("action_id").asText(""));
      if (known.isEmpty()) {
        continue;
      }
      String groupKey = action.path("value").asText("");
      Optional<String> told = act(known.get(), groupKey, user);
      if (told.isPresent() && !responseUrl.isEmpty()) {
        responder.tell(responseUrl, told.get());
      }
    }
  }

  /** Does what the button says; returns what the user should be told, if anything. */
  private Optional<String> act(SlackAction action, String groupKey, String user) {
    if (user == null) {
      return Optional.of("alert-router could not tell who clicked: the payload names no user");
    }
    if (action.silenceFor().isPresent()) {
      return Optional.of(silence(groupKey, user, action.silenceFor().get()));
    }
    AckOutcome outcome = action == SlackAction.ACKNOWLEDGE
        ? acks.ack(groupKey, new AckRequest(user, "", null, Ack.VIA_SLACK))
        : acks.unack(groupKey, user);
    if (outcome instanceof AckOutcome.UnknownGroup) {
      return Optional.of("This group is no longer held by alert-router (it resolved, or its route changed): "
          + "nothing was " + (action == SlackAction.ACKNOWLEDGE ? "acknowledged." : "changed."));
    }
    if (outcome instanceof AckOutcome.Refused refused) {
      return Optional.of("Not acknowledged: " + refused.problem());
    }
    return Optional.empty();
  }

  private String silence(String groupKey, String user, Duration length) {
    Optional<AckedGroup> group = groups.find(groupKey);
    if (group.isEmpty()) {
      return "This group is no longer held by alert-router (it resolved, or its route changed): nothing was silenced.";
    }
    List<Matcher> matchers = matchers(group.get());
    if (matchers.isEmpty()) {
      return "The group's alerts share no label to silence them by; create the silence in alert-router's UI.";
    }
    Instant now = clock.instant();
    Instant end = now.plus(length);
    try {
      String id = silences.set(new SilenceDraft(null, matchers, now, end, user, COMMENT));
      return "Silenced until " + end + " (silence " + id + ", matching " + matchers.stream().map(Matcher::toString)
          .reduce((a, b) -> a + ", " + b).orElse("") + ").";
    } catch (SilenceValidationException e) {
      return "Not silenced: " + String.join("; ", e.problems());
    }
  }

  /**
   * The labels every alert of the group shares (the group labels among them), as equality
   * matchers. The derived {@code priority} label is left out: alert-router adds it, the silence is
   * about the alerts as their sources send them.
   */
  static List<Matcher> matchers(AckedGroup group) {
    Map<String, String> common = null;
    for (Alert alert : group.alerts()) {
      if (common == null) {
        common = new TreeMap<>(alert.labels().asMap());
      } else {
        Labels labels = alert.labels();
        common.entrySet().removeIf(e -> !e.getValue().equals(labels.get(e.getKey())));
      }
    }
    Map<String, String> shared = common == null ? new TreeMap<>(group.groupLabels().asMap()) : common;
    shared.remove(Priority.LABEL);
    List<Matcher> matchers = new ArrayList<>();
    shared.forEach((name, value) -> matchers.add(Matcher.equal(name, value)));
    return matchers;
  }

  /** {@code @username}, as Slack shows the person; their ID when the payload has no name. */
  private static String user(JsonNode user) {
    for (String field : List.of("username", "name", "id")) {
      String value = user.path(field).asText("");
      if (!value.isBlank()) {
        return "@" + value.strip();
      }
    }
    return null;
  }

  /** The JSON in the form field {@code payload}. */
  private JsonNode payload(String form) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("payload")) {
        try {
          JsonNode payload = mapper.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("payload: must be a JSON object");
          }
          return payload;
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("payload: not valid JSON: " + e.getOriginalMessage());
        }
      }
    }
    throw new IllegalArgumentException("payload: the form field is required (Slack posts it form-encoded)");
  }
}
