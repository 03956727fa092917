package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.auth}: roles, tokens and the trusted header. */
class AccessParserTest {
  private static final String ROUTE = "route: {receiver: a}\nreceivers: [{name: a}]\n";

  @TempDir Path dir;

  private List<String> errors(String server) {
    return load(write(dir, "am.yml", ROUTE + server)).errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void readsRolesTokensAndTheTrustedHeader() throws Exception {
    write(dir, "grafana.token", "t0ken\n");
    RouterConfig c = loaded(load(write(dir, "am.yml", ROUTE + """
        server:
          auth:
            roles: {admin: [alice], responder: [bob, "*@tta.dev"], viewer: ["*"]}
            tokens: [{name: grafana, token_file: grafana.token, role: viewer}]
            trusted_header: {proxies: [127.0.0.1/32, "::1"]}
        """)));

    AccessSettings a = c.server().access().orElseThrow();
    assertEquals(Map.of(Role.ADMIN, List.of("alice"), Role.RESPONDER, List.of("bob", "*@tta.dev"), Role.VIEWER, List.of("*")),
        a.roles().orElseThrow());
    assertEquals("grafana", a.tokens().get(0).name());
    assertTrue(a.tokens().get(0).token().matches("t0ken"));
    assertEquals(Role.VIEWER, a.tokens().get(0).role());
    AccessSettings.TrustedHeader h = a.trustedHeader().orElseThrow();
    assertEquals("X-Forwarded-Email", h.name());
    assertTrue(h.proxies().get(0).contains(InetAddress.getByName("127.0.0.1")));
    assertFalse(h.proxies().get(0).contains(InetAddress.getByName("127.0.0.2")));
    assertTrue(h.proxies().get(1).contains(InetAddress.getByName("::1")));
  }

  @Test
  void mistakesAreErrorsNamingFileLineAndKey() {
    String am = dir.resolve("am.yml").toString();
    List<String> errors = errors("""
        server:
          auth:
            roles: {owner: [alice]}
            tokens:
              - {name: grafana, token: abc, role: superuser}
              - {name: ci, role: admin}
            trusted_header: {proxies: [10.0.0.0/33]}
        """);

    assertTrue(errors.contains(am + ":5: server.auth.roles.owner: unknown role; expected one of viewer, responder, admin, intake"), errors.toString());
    assertTrue(errors.contains(am + ":7: server.auth.tokens[0].role: unknown role \"superuser\"; expected one of viewer, responder, admin, intake"), errors.toString());
    assertTrue(errors.contains(am + ":8: server.auth.tokens[1].token_file: exactly one of token, token_file, credentials and credentials_file must be configured"), errors.toString());
    assertTrue(errors.contains(am + ":9: server.auth.trusted_header.proxies[0]: prefix length 33 out of range in \"10.0.0.0/33\""), errors.toString());
    assertFalse(errors.toString().contains("abc"), "no secret in errors");
  }

  @Test
  void theOlderAuthCannotBeMixedWithServerAuth() {
    List<String> errors = errors("server:\n  admin_auth: {bearer_token: x}\n  auth: {roles: {viewer: ['*']}}\n");
    assertEquals(List.of(dir.resolve("am.yml") + ":4: server.admin_auth: cannot be combined with server.auth: give these"
        + " credentials a token under server.auth.tokens (role admin) instead"), errors);
  }

  @Test
  void aTrustedHeaderNeedsItsProxies() {
    assertEquals(List.of(dir.resolve("am.yml") + ":5: server.auth.trusted_header.proxies: the trusted header needs the"
        + " proxies it is accepted from, e.g. [127.0.0.1/32]; from any other address it is not trusted"),
        errors("server:\n  auth:\n    trusted_header: {name: X-Email}\n"));
  }
}
