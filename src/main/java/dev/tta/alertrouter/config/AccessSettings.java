package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code server.auth}: who may do what.
 *
 * @param roles role → the identities holding it: names, {@code "*"} for every authenticated
 *     identity, or {@code "*@example.com"} for names ending so; empty when not configured, in which
 *     case every authenticated user and header identity may do everything
 * @param tokens bearer tokens, each with its own name and role
 * @param trustedHeader the SSO header a proxy sets, accepted only from the proxy's addresses
 */
public record AccessSettings(
    Optional<Map<Role, List<String>>> roles, List<Token> tokens, Optional<TrustedHeader> trustedHeader) {
  public AccessSettings {
    roles = Objects.requireNonNull(roles, "roles").map(Map::copyOf);
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(trustedHeader, "trustedHeader");
  }

  /** A bearer token: {@code Authorization: Bearer <token>} identifies as {@code name} with {@code role}. */
  public record Token(String name, Secret token, Role role) {
    public Token {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(role, "role");
    }
  }

  /** A header (such as oauth2-proxy's {@code X-Forwarded-Email}) trusted only from {@code proxies}. */
  public record TrustedHeader(String name, List<Cidr> proxies) {
    public static final String DEFAULT_NAME = "X-Forwarded-Email";

    public TrustedHeader {
      Objects.requireNonNull(name, "name");
      proxies = List.copyOf(proxies);
    }
  }
}
