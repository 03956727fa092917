package dev.tta.alertrouter.http.auth;

import dev.tta.alertrouter.config.AccessSettings;
import dev.tta.alertrouter.config.Cidr;
import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.Role;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decides one request from the current settings. Access control is on when the web config lists
 * users or {@code server.auth} is set; then every endpoint but the probes needs an identity holding
 * the endpoint's role. Otherwise the older {@code server.intake_auth} / {@code server.admin_auth}
 * apply where set, and everything else is open.
 */
final class AccessPolicy {
  private final PasswordCheck passwords = new PasswordCheck();

  /** The request as the policy sees it. */
  record Request(String method, String path, Optional<Role> required, String authorization,
      UnaryOperator<String> header, String remoteAddress) {}

  static boolean enforced(ServerSettings settings, WebConfig web) {
    return !web.users().isEmpty() || settings.access().isPresent();
  }

  Decision decide(ServerSettings settings, WebConfig web, Request request) {
    if (request.required().isEmpty()) {
      return new Decision.Allowed(Optional.empty());
    }
    Role required = request.required().get();
    if (!enforced(settings, web)) {
      return legacy(settings, required, request);
    }
    AccessSettings access = settings.access().orElse(new AccessSettings(Optional.empty(), List.of(), Optional.empty()));
    String challenge = web.users().isEmpty() ? "Bearer realm=\"alert-router\"" : "Basic realm=\"alert-router\"";
    Credentials credentials = Credentials.of(request.authorization());
    Identity identity;
    if (credentials instanceof Credentials.Basic basic) {
      Secret hash = web.users().get(basic.user());
      if (!passwords.matches(basic.user(), hash, basic.password())) {
        return unauthorized(Refusal.Reason.BAD_CREDENTIALS, "invalid user name or password", challenge);
      }
      identity = new Identity(basic.user(), Identity.Kind.USER, rolesOf(basic.user(), access, Optional.empty()));
    } else if (credentials instanceof Credentials.Bearer bearer) {
      Optional<AccessSettings.Token> token = token(access, bearer.token());
      if (token.isEmpty()) {
        return unauthorized(Refusal.Reason.BAD_CREDENTIALS, "invalid bearer token", challenge);
      }
      identity = new Identity(token.get().name(), Identity.Kind.TOKEN,
          rolesOf(token.get().name(), access, Optional.of(token.get().role())));
    } else if (credentials instanceof Credentials.Unusable) {
      return unauthorized(Refusal.Reason.BAD_CREDENTIALS, "unusable Authorization header: Basic or Bearer expected", challenge);
    } else {
      Optional<AccessSettings.TrustedHeader> trusted = access.trustedHeader();
      String value = trusted.map(t -> request.header().apply(t.name())).orElse(null);
      if (value == null || value.isBlank()) {
        return unauthorized(Refusal.Reason.MISSING_CREDENTIALS, "authentication required", challenge);
      }
      if (!fromProxy(trusted.get().proxies(), request.remoteAddress())) {
        return unauthorized(Refusal.Reason.UNTRUSTED_PROXY, "header " + trusted.get().name()
            + " is only trusted from the configured proxies (server.auth.trusted_header.proxies); authenticate otherwise",
            challenge);
      }
      identity = new Identity(value.strip(), Identity.Kind.HEADER, rolesOf(value.strip(), access, Optional.empty()));
    }
    if (!identity.may(required)) {
      return new Decision.Refused(new Refusal(403, Refusal.Reason.FORBIDDEN,
          identity.kind().word() + " \"" + identity.name() + "\" may not " + request.method() + " " + request.path()
              + ": that needs role " + required.configName(), Optional.empty()));
    }
    return new Decision.Allowed(Optional.of(identity));
  }

  /** {@code server.intake_auth} on intake, {@code server.admin_auth} on every change; reads stay open. */
  private static Decision legacy(ServerSettings settings, Role required, Request request) {
    Optional<HttpAuth> auth = switch (required) {
      case INTAKE -> settings.intakeAuth();
      case RESPONDER, ADMIN -> settings.adminAuth();
      case VIEWER -> Optional.empty();
    };
    if (auth.isEmpty()) {
      return new Decision.Allowed(Optional.empty());
    }
    String challenge = LegacyAuthenticator.challenge(auth.get());
    if (request.authorization() == null) {
      return unauthorized(Refusal.Reason.MISSING_CREDENTIALS, "unauthorized", challenge);
    }
    if (!LegacyAuthenticator.permits(auth.get(), request.authorization())) {
      return unauthorized(Refusal.Reason.BAD_CREDENTIALS, "unauthorized", challenge);
    }
    Optional<Identity> who = auth.get() instanceof HttpAuth.Basic basic
        ? Optional.of(new Identity(basic.username(), Identity.Kind.USER, EnumSet.of(required)))
        : Optional.empty();
    return new Decision.Allowed(who);
  }

  private static Decision unauthorized(Refusal.Reason reason, String message, String challenge) {
    return new Decision.Refused(new Refusal(401, reason, message, Optional.of(challenge)));
  }

  /** Every token is compared (in constant time), so timing does not tell which one nearly matched. */
  private static Optional<AccessSettings.Token> token(AccessSettings access, String presented) {
    AccessSettings.Token found = null;
    for (AccessSettings.Token t : access.tokens()) {
      if (t.token().matches(presented) && found == null) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The roles {@code roles:} gives the name, plus a token's own role. Without {@code roles:}, users
   * and header identities may do everything (as with Prometheus' basic_auth_users), tokens their role.
   */
  private static Set<Role> rolesOf(String name, AccessSettings access, Optional<Role> own) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    own.ifPresent(roles::add);
    if (access.roles().isEmpty()) {
      if (own.isEmpty()) {
        roles.add(Role.ADMIN);
      }
      return roles;
    }
    for (Map.Entry<Role, List<String>> e : access.roles().get().entrySet()) {
      if (e.getValue().stream().anyMatch(pattern -> matches(pattern, name))) {
        roles.add(e.getKey());
      }
    }
    return roles;
  }

  private static boolean matches(String pattern, String name) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*")) {
      return name.endsWith(pattern.substring(1));
    }
    return pattern.equals(name);
  }

  private static boolean fromProxy(List<Cidr> proxies, String remote) {
    if (remote == null) {
      return false;
    }
    String literal = remote.startsWith("[") && remote.endsWith("]") ? remote.substring(1, remote.length() - 1) : remote;
    if (!literal.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+") || !(literal.contains(".") || literal.contains(":"))) {
      return false;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return false;
    }
    return proxies.stream().anyMatch(c -> c.contains(address));
  }
}
