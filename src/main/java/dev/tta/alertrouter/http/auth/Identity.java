package dev.tta.alertrouter.http.auth;

import dev.tta.alertrouter.config.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request and what they may do.
 *
 * @param name the user name, the token's name or the trusted header's value; never a secret
 * @param kind how the name was established
 * @param roles the roles held
 */
public record Identity(String name, Kind kind, Set<Role> roles) {
  /** The request attribute that holds the identity's name once a request is authenticated. */
  public static final String ATTRIBUTE = "alertrouter.identity";

  public Identity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    roles = Set.copyOf(roles);
  }

  public boolean may(Role required) {
    return roles.stream().anyMatch(r -> r.grants(required));
  }

  public enum Kind {
    USER("user"), TOKEN("token"), HEADER("header identity");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }
}
