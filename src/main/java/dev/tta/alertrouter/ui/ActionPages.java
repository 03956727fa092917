package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.GroupDirectory;
import dev.tta.alertrouter.actionlink.ActionToken;
import dev.tta.alertrouter.actionlink.ActionTokens;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pages behind signed action links ({@code actionlink.SignedLinks}): {@code GET
 * /actions/{token}} shows the group and what the link will do, and changes nothing, because mail
 * scanners and link previews fetch every link in a message; the page's form {@code POST}s back to
 * the same path (CSRF-checked like every UI form) and only that acts. The token is the authority:
 * these two routes are open in {@code http.auth.Endpoints}, since whoever got the message may have
 * no account here, and the signature (the server's key), the group key and the expiry inside it
 * limit what the link can do to one action on one group for {@code server.action_links_ttl}.
 */
public final class ActionPages {
  static final String PATH = "/actions/{token}";
  static final int MAX_NAME = 100;
  static final int MAX_COMMENT = 500;
  private static final String DEFAULT_NAME = "link";

  private final ActionTokens tokens;
  private final Acknowledgements acks;
  private final GroupDirectory groups;
  private final Clock clock;
  private final Pages pages = new Pages();
  private final Csrf csrf = new Csrf();

  public ActionPages(ActionTokens tokens, Acknowledgements acks, GroupDirectory groups, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.acks = Objects.requireNonNull(acks, "acks");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void register(JavalinConfig config) {
    config.routes.get(PATH, this::show);
    config.routes.post(PATH, this::act);
  }

  private void show(Context ctx) {
    Map<String, Object> m = model(ctx);
    Optional<ActionToken> token = check(ctx, m);
    if (token.isEmpty()) {
      return;
    }
    Optional<AckedGroup> group = groups.find(token.get().groupKey());
    if (group.isEmpty()) {
      gone(ctx, m);
      return;
    }
    ActionToken t = token.get();
    m.put("title", t.action().verb() + " this group?");
    m.put("group", groupFacts(group.get()));
    m.put("confirm", true);
    m.put("verb", t.action().verb());
    m.put("commented", t.action() == ActionToken.Action.ACK);
    m.put("effect", t.action() == ActionToken.Action.ACK
        ? "Acknowledging tells everyone someone is on it: this group's repeat notifications stop until it resolves"
            + " or someone unacknowledges it; new alerts joining it and its resolve are still sent."
        : "Unacknowledging resumes this group's repeat notifications.");
    m.put("expires", t.expiresAt().toString());
    pages.html(ctx, 200, "action", m);
  }

  private void act(Context ctx) {
    Map<String, Object> m = model(ctx);
    if (!csrf.accepts(ctx)) {
      m.put("title", "Refused");
      m.put("problem", "This form was refused (403): its CSRF token is missing or does not match this browser's."
          + " Open the link again and press the button on that page.");
      pages.html(ctx, 403, "action", m);
      return;
    }
    Optional<ActionToken> token = check(ctx, m);
    if (token.isEmpty()) {
      return;
    }
    String by = field(ctx, "by");
    String comment = field(ctx, "comment");
    if (by.length() > MAX_NAME || comment.length() > MAX_COMMENT) {
      m.put("title", "Refused");
      m.put("problem", "The name may have up to " + MAX_NAME + " characters and the comment up to " + MAX_COMMENT + ".");
      pages.html(ctx, 400, "action", m);
      return;
    }
    ActionToken t = token.get();
    String who = by.isEmpty() ? DEFAULT_NAME : by;
    AckOutcome outcome = t.action() == ActionToken.Action.ACK
        ? acks.ack(t.groupKey(), new AckRequest(who, comment, null, t.via()))
        : acks.unack(t.groupKey(), who);
    if (outcome instanceof AckOutcome.UnknownGroup) {
      gone(ctx, m);
      return;
    }
    if (outcome instanceof AckOutcome.Refused refused) {
      m.put("title", "Refused");
      m.put("problem", refused.problem());
      pages.html(ctx, 400, "action", m);
      return;
    }
    groups.find(t.groupKey()).ifPresent(g -> m.put("group", groupFacts(g)));
    if (outcome instanceof AckOutcome.Acked acked) {
      m.put("title", "Acknowledged");
      m.put("done", acked.ack().describe() + ". Repeat notifications of this group stop until it resolves.");
    } else {
      m.put("title", "Unacknowledged");
      m.put("done", "The group's acknowledgement ended; its repeat notifications resume.");
    }
    pages.html(ctx, 200, "action", m);
  }

  /** The token if it is valid; else the page saying why, answered already. */
  private Optional<ActionToken> check(Context ctx, Map<String, Object> m) {
    ActionTokens.Verdict verdict = tokens.verify(ctx.pathParam("token"), clock.instant());
    if (verdict instanceof ActionTokens.Verdict.Valid valid) {
      return Optional.of(valid.token());
    }
    if (verdict instanceof ActionTokens.Verdict.Expired expired) {
      m.put("title", "This link has expired");
      m.put("problem", "This link expired at " + expired.token().expiresAt() + " and can no longer act."
          + " Use the alert list or a newer notification instead.");
      pages.html(ctx, 410, "action", m);
    } else {
      m.put("title", "This link is not valid");
      m.put("problem", ((ActionTokens.Verdict.Invalid) verdict).reason()
          + ". Nothing was changed; use the alert list or the link from the message as it was sent.");
      pages.html(ctx, 400, "action", m);
    }
    return Optional.empty();
  }

  private void gone(Context ctx, Map<String, Object> m) {
    m.put("title", "No such group");
    m.put("problem", "alert-router no longer holds this group: it resolved, or its route changed. Nothing was changed.");
    pages.html(ctx, 404, "action", m);
  }

  private Map<String, Object> groupFacts(AckedGroup group) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("labels", group.groupLabels().toString());
    facts.put("receiver", group.receiver());
    facts.put("firing", group.alerts().stream().filter(a -> !a.isResolvedAt(clock.instant())).count());
    facts.put("since", group.firingSince() == null ? null : group.firingSince().toString());
    facts.put("ack", acks.current(group.groupKey()).map(Ack::describe).orElse(null));
    return facts;
  }

  private Map<String, Object> model(Context ctx) {
    Map<String, Object> m = new HashMap<>();
    m.put("nav", "");
    m.put("csrf", csrf.token(ctx));
    m.put("csrfField", Csrf.FIELD);
    m.put("htmx", WebUi.HTMX_PATH);
    m.put("identity", null);
    m.put("actionPath", ctx.path());
    m.put("maxName", MAX_NAME);
    m.put("maxComment", MAX_COMMENT);
    m.put("confirm", false);
    return m;
  }

  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }
}
