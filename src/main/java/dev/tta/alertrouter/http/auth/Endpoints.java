package dev.tta.alertrouter.http.auth;

import dev.tta.alertrouter.config.Role;
import io.javalin.http.HandlerType;
import java.util.Optional;
import java.util.Set;

/**
 * The role each endpoint needs, by method and route template. Anything not named here is a read
 * (GET, HEAD) for viewers, or a change for admins, so a new endpoint is never open by accident.
 */
final class Endpoints {
  /** Open to anyone: probes must work without credentials. */
  static final Set<String> OPEN = Set.of("/-/healthy", "/-/ready");
  /**
   * Authenticated by the request's own signature, not by web config users or tokens: Slack cannot
   * send a password or a bearer token, it signs each request with the app's signing secret, which
   * {@code http.SlackInteractions} verifies before anything changes.
   */
  static final Set<String> SIGNED = Set.of("/api/v1/slack/interactions");
  static final Set<String> INTAKE = Set.of("/api/v1/alertmanager", "/api/v2/alerts");
  /**
   * Open, with their own authority: a signed action link's page (GET) and its form (POST), {@code
   * ui.ActionPages}. The token in the path is signed with the server's key and names one action on
   * one group until it expires; whoever received the email may have no account here, so asking for
   * credentials would defeat the link. GET only shows; the form's POST acts, CSRF-checked.
   */
  static final String ACTION_LINKS = "/actions/{token}";
  /** Open to POST: PagerDuty authenticates by its signature over the body, refused with 401 when it does not match. */
  static final String PAGERDUTY_WEBHOOK = "/api/v1/pagerduty/webhook";
  private static final String SILENCES = "/api/v1/silences";
  /** Alertmanager's v2 silence writes: POST /api/v2/silences and DELETE /api/v2/silence/{silenceID}. */
  private static final String V2_SILENCE = "/api/v2/silence";
  /** The web UI's silence forms: POST /silences and POST /silences/{id}/expire. */
  private static final String UI_SILENCES = "/silences";
  /** Acknowledging a group: POST and DELETE /api/v1/groups/<groupKey>/ack. */
  private static final String GROUPS = "/api/v1/groups/";
  /** The web UI's Acknowledge / Unacknowledge form: POST /groups/ack. */
  private static final String UI_ACK = "/groups/ack";
  private static final String ACK = "/ack";
  /** A sign of life for a heartbeat: POST /api/v1/heartbeats/{name}, sent by whatever sends alerts. */
  private static final String HEARTBEATS = "/api/v1/heartbeats/";

  /**
   * Reads that only admins may do: the capture holds every alert's labels and annotations as sent;
   * the configuration sources show every receiver's setup; the diff page runs replays.
   */
  static final Set<String> ADMIN_READS = Set.of("/api/v1/capture", "/api/v1/config/sources", "/config/diff");

  private Endpoints() {}

  /** The role required; empty when the endpoint is open. */
  static Optional<Role> required(HandlerType method, String path) {
    if (OPEN.contains(path) || SIGNED.contains(path)) {
      return Optional.empty();
    }
    if ((path.equals(ACTION_LINKS) && (method == HandlerType.GET || method == HandlerType.POST))
        || (path.equals(PAGERDUTY_WEBHOOK) && method == HandlerType.POST)) {
      return Optional.empty();
    }
    if (ADMIN_READS.contains(path)) {
      return Optional.of(Role.ADMIN);
    }
    if (method == HandlerType.GET || method == HandlerType.HEAD) {
      return Optional.of(Role.VIEWER);
    }
    if (method == HandlerType.POST && (INTAKE.contains(path) || path.startsWith(HEARTBEATS))) {
      return Optional.of(Role.INTAKE);
    }
    if (path.equals(SILENCES) || path.startsWith(SILENCES + "/")
        || path.equals(V2_SILENCE + "s") || path.startsWith(V2_SILENCE + "/")
        || path.equals(UI_SILENCES) || path.startsWith(UI_SILENCES + "/")
        || (path.startsWith(GROUPS) && path.endsWith(ACK)) || path.equals(UI_ACK)) {
      return Optional.of(Role.RESPONDER);
    }
    return Optional.of(Role.ADMIN);
  }
}
