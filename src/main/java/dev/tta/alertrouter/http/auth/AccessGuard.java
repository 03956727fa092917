package dev.tta.alertrouter.http.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.Role;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import dev.tta.alertrouter.metrics.RouterMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs before every matched endpoint: adds the web config's response headers, finds the role the
 * endpoint needs, authenticates the caller, and either sets {@value Identity#ATTRIBUTE} and lets the
 * request through or answers 401/403 with a JSON body naming the problem (counted in {@code
 * alertrouter_http_auth_refused_total{reason}}). Settings are read per request, so a reload applies
 * at once.
 */
public final class AccessGuard {
  /** How {@link #describe} starts when nothing is protected. */
  public static final String OPEN = "no access control";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<ServerSettings> settings;
  private final Supplier<WebConfig> web;
  private final RouterMetrics metrics;
  private final AccessPolicy policy = new AccessPolicy();

  public AccessGuard(Supplier<ServerSettings> settings, Supplier<WebConfig> web, RouterMetrics metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.web = Objects.requireNonNull(web, "web");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    for (Refusal.Reason reason : Refusal.Reason.values()) {
      metrics.authRefused(reason.label, 0);
    }
  }

  /** A one-line description of who may do what, for the startup log. */
  public static String describe(ServerSettings settings, WebConfig web) {
    if (AccessPolicy.enforced(settings, web)) {
      int tokens = settings.access().map(a -> a.tokens().size()).orElse(0);
      return "access control on: " + web.users().size() + " user(s), " + tokens + " token(s)"
          + settings.access().flatMap(a -> a.trustedHeader()).map(h -> ", trusted header " + h.name()).orElse("")
          + (settings.access().flatMap(a -> a.roles()).isPresent() ? ", roles as configured" : ", no roles: every identity may do everything")
          + "; /-/healthy and /-/ready stay open";
    }
    if (settings.intakeAuth().isPresent() || settings.adminAuth().isPresent()) {
      return "access control: reads are open to anyone;"
          + (settings.intakeAuth().isPresent() ? " intake needs server.intake_auth;" : " intake is open;")
          + (settings.adminAuth().isPresent() ? " silences and reload need server.admin_auth" : " silences and reload are open");
    }
    return OPEN + ": every endpoint is open to anyone who can reach it"
        + " (set basic_auth_users in --web.config.file or server.auth to restrict it)";
  }

  /** Adds the configured response headers; register with {@code config.routes.before}. */
  public void addHeaders(Context ctx) {
    web.get().headers().forEach(ctx::header);
  }

  /** Checks the caller; register with {@code config.routes.beforeMatched}. */
  public void check(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null) {
      return;
    }
    Optional<Role> required = Endpoints.required(ctx.method(), endpoint.path);
    AccessPolicy.Request request = new AccessPolicy.Request(ctx.method().name(), endpoint.path, required,
        ctx.header("Authorization"), ctx::header, ctx.req().getRemoteAddr());
    Decision decision = policy.decide(settings.get(), web.get(), request);
    if (decision instanceof Decision.Allowed allowed) {
      allowed.identity().ifPresent(id -> ctx.attribute(Identity.ATTRIBUTE, id.name()));
      return;
    }
    Refusal refusal = ((Decision.Refused) decision).refusal();
    metrics.authRefused(refusal.reason().label, 1);
    refusal.challenge().ifPresent(c -> ctx.header("WWW-Authenticate", c));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", "error");
    body.put("error", refusal.message());
    try {
      ctx.status(refusal.status()).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ctx.skipRemainingHandlers();
  }
}
