package dev.tta.alertrouter.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code server.auth}: {@code roles}, {@code tokens} and {@code trusted_header}. */
final class AccessParser {
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private AccessParser() {}

  static AccessSettings parse(Value auth) {
    YamlMap m = auth.mapping();
    m.allow("roles", "tokens", "trusted_header");
    Optional<Map<Role, List<String>>> roles = m.has("roles") ? Optional.of(roles(m.get("roles").mapping())) : Optional.empty();
    List<AccessSettings.Token> tokens = tokens(m.list("tokens"));
    Optional<AccessSettings.TrustedHeader> header =
        m.has("trusted_header") ? trustedHeader(m.get("trusted_header").mapping()) : Optional.empty();
    return new AccessSettings(roles, tokens, header);
  }

  private static Map<Role, List<String>> roles(YamlMap m) {
    Map<Role, List<String>> roles = new EnumMap<>(Role.class);
    for (YamlMap.Entry e : m.entries()) {
      String name = e.key().text();
      Optional<Role> role = name == null ? Optional.empty() : Role.parse(name);
      if (role.isEmpty()) {
        e.key().error("unknown role; expected one of viewer, responder, admin, intake");
        continue;
      }
      List<String> members = new ArrayList<>();
      for (Value item : e.value().elements()) {
        String member = item.text();
        if (member == null || member.isBlank()) {
          item.error("expected a user, token or header identity, \"*\" or \"*@domain\"");
        } else if (member.indexOf('*') > 0 || member.indexOf('*', 1) > 0) {
          item.error("\"*\" may only start a name, as in \"*@example.com\", found \"" + member + "\"");
        } else {
          members.add(member);
        }
      }
      roles.put(role.get(), members);
    }
    return roles;
  }

  private static List<AccessSettings.Token> tokens(List<Value> items) {
    List<AccessSettings.Token> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Value item : items) {
      YamlMap t = item.mapping();
      t.allow("name", "token", "token_file", "credentials", "credentials_file", "role");
      String name = t.string("name");
      if (name == null || name.isBlank()) {
        t.missing("name", "a token needs a name (it identifies the caller, e.g. as a silence's creator)");
      } else if (!names.add(name)) {
        t.get("name").error("token name \"" + name + "\" is used twice");
      }
      Optional<Role> role = Optional.empty();
      if (!t.has("role")) {
        t.missing("role", "a token needs a role: viewer, responder, admin or intake");
      } else {
        String r = t.string("role");
        role = r == null ? Optional.empty() : Role.parse(r);
        if (r != null && role.isEmpty()) {
          t.get("role").error("unknown role \"" + r + "\"; expected one of viewer, responder, admin, intake");
        }
      }
      boolean asToken = SecretReader.configured(t, "token");
      boolean asCredentials = SecretReader.configured(t, "credentials");
      Optional<Secret> secret = Optional.empty();
      if (asToken == asCredentials) {
        t.missing("token_file", "exactly one of token, token_file, credentials and credentials_file must be configured");
      } else {
        secret = SecretReader.read(t, asToken ? "token" : "credentials", SecretReader.WhenUnset.ERROR);
      }
      if (name != null && role.isPresent() && secret.isPresent()) {
        tokens.add(new AccessSettings.Token(name, secret.get(), role.get()));
      }
    }
    return tokens;
  }

  private static Optional<AccessSettings.TrustedHeader> trustedHeader(YamlMap m) {
    m.allow("name", "proxies");
    String name = m.string("name", AccessSettings.TrustedHeader.DEFAULT_NAME);
    if (!HEADER_NAME.matcher(name).matches()) {
      m.get("name").error("not a valid HTTP header name: \"" + name + "\"");
      return Optional.empty();
    }
    List<Cidr> proxies = new ArrayList<>();
    for (Value item : m.list("proxies")) {
      String text = item.text();
      if (text == null) {
        continue;
      }
      try {
        proxies.add(Cidr.parse(text));
      } catch (IllegalArgumentException e) {
        item.error(e.getMessage());
      }
    }
    if (!m.has("proxies") || m.list("proxies").isEmpty()) {
      m.missing("proxies", "the trusted header needs the proxies it is accepted from, e.g. [127.0.0.1/32];"
          + " from any other address it is not trusted");
      return Optional.empty();
    }
    return Optional.of(new AccessSettings.TrustedHeader(name, proxies));
  }
}
