package dev.tta.alertrouter.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.config.Role;
import io.javalin.http.HandlerType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which role each endpoint needs; an endpoint nobody listed is never open. */
class EndpointsTest {
  @Test
  void probesAreOpenReadsForViewersChangesForResponderOrAdmin() {
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.GET, "/-/healthy"));
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.HEAD, "/-/ready"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/metrics"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/runbooks/{name}"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/ui/alerts"), "a future page");
    assertEquals(Optional.of(Role.INTAKE), Endpoints.required(HandlerType.POST, "/api/v2/alerts"));
    assertEquals(Optional.of(Role.INTAKE), Endpoints.required(HandlerType.POST, "/api/v1/alertmanager"));
    assertEquals(Optional.of(Role.INTAKE), Endpoints.required(HandlerType.POST, "/api/v1/heartbeats/{name}"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/api/v1/heartbeats"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/api/v1/heartbeats"), "no such endpoint");
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/api/v1/silences"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.DELETE, "/api/v1/silences/{id}"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/api/v2/silences"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.DELETE, "/api/v2/silence/{silenceID}"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/api/v2/silence/{silenceID}"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/api/v2/alerts/groups"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/silences"), "the UI's form");
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/silences/{id}/expire"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/silences/new"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/status/reload"), "the UI's reload");
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/api/v1/groups/<groupKey>/ack"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.DELETE, "/api/v1/groups/<groupKey>/ack"));
    assertEquals(Optional.of(Role.RESPONDER), Endpoints.required(HandlerType.POST, "/groups/ack"), "the UI's form");
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.POST, "/api/v1/slack/interactions"),
        "Slack's signature authenticates it, checked by the endpoint");
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/api/v1/receivers/{name}/test"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.GET, "/api/v1/capture"), "the capture");
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.GET, "/api/v1/config/sources"), "the config sources");
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.GET, "/config/diff"), "the config diff page");
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/config/diff"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/api/v1/config/diff"));
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/api/v1/config/changes"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.POST, "/-/reload"));
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.PUT, "/api/v1/config"), "an unlisted change");
  }

  @Test
  void actionLinksAndPagerDutysWebhookCarryTheirOwnAuthority() {
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.GET, "/actions/{token}"), "the signed link's page");
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.POST, "/actions/{token}"), "its form");
    assertEquals(Optional.of(Role.ADMIN), Endpoints.required(HandlerType.DELETE, "/actions/{token}"));
    assertEquals(Optional.empty(), Endpoints.required(HandlerType.POST, "/api/v1/pagerduty/webhook"), "signed by PagerDuty");
    assertEquals(Optional.of(Role.VIEWER), Endpoints.required(HandlerType.GET, "/api/v1/pagerduty/webhook"));
  }

  @Test
  void rolesNest() {
    assertEquals(true, Role.ADMIN.grants(Role.RESPONDER) && Role.ADMIN.grants(Role.INTAKE));
    assertEquals(true, Role.RESPONDER.grants(Role.VIEWER));
    assertEquals(false, Role.RESPONDER.grants(Role.ADMIN) || Role.RESPONDER.grants(Role.INTAKE));
    assertEquals(false, Role.VIEWER.grants(Role.RESPONDER));
    assertEquals(false, Role.INTAKE.grants(Role.VIEWER));
  }
}
