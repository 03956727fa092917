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
  static final Set<String> INTAKE = Set.of("/api/v1/alertmanager", "/api/v2/alerts");
  private static final String SILENCES = "/api/v1/silences";
  /** Alertmanager's v2 silence writes: POST /api/v2/silences and DELETE /api/v2/silence/{silenceID}. */
  private static final String V2_SILENCE = "/api/v2/silence";
  /** The web UI's silence forms: POST /silences and POST /silences/{id}/expire. */
  private static final String UI_SILENCES = "/silences";
  /** Acknowledging a group: POST and DELETE /api/v1/groups/<groupKey>/ack. */
  private static final String GROUPS = "/api/v1/groups/";
  private static final String ACK = "/ack";
  /** A sign of life for a heartbeat: POST /api/v1/heartbeats/{name}, sent by whatever sends alerts. */
  private static final String HEARTBEATS = "/api/v1/heartbeats/";

  /** Reads that only admins may do: the capture holds every alert's labels and annotations as sent. */
  static final Set<String> ADMIN_READS = Set.of("/api/v1/capture");

  private Endpoints() {}

  /** The role required; empty when the endpoint is open. */
  static Optional<Role> required(HandlerType method, String path) {
    if (OPEN.contains(path)) {
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
        || (path.startsWith(GROUPS) && path.endsWith(ACK))) {
      return Optional.of(Role.RESPONDER);
    }
    return Optional.of(Role.ADMIN);
  }
}
