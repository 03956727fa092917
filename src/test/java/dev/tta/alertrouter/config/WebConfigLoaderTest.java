package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web config file's rules: exporter-toolkit's, plus a minimum bcrypt cost; every error names file, line and key. */
class WebConfigLoaderTest {
  /** bcrypt("secret") at cost 4 and at cost 10 (what {@code htpasswd -nBC} writes). */
  private static final String COST_4 = "$2y$04$SFcDrzkI6eZ5cDTeb1X9a.QJyqBaFbyBXS4XLPdL6fnS6JHr1APsS";
  private static final String COST_10 = "$2y$10$k0uf8iXZiZYvY/A93wMVveZ6pEYGDFbMBfBbdK6kIkmkH6WWk7fqq";

  @TempDir Path dir;

  private List<String> errors(String yaml) {
    Path file = write(dir, "web.yml", yaml);
    return WebConfigLoader.load(file).errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void aBcryptCostBelowTenIsAnErrorNamingFileLineAndKey() {
    List<String> errors = errors("basic_auth_users:\n  alice: " + COST_10 + "\n  bob: " + COST_4 + "\n");

    assertEquals(List.of(dir.resolve("web.yml") + ":3: basic_auth_users.bob: bcrypt cost 4 is below 10;"
        + " make a new hash with: htpasswd -nBC 10 bob"), errors);
    assertFalse(errors.get(0).contains(COST_4.substring(7)), "the hash is not quoted");
  }

  @Test
  void aValueThatIsNotABcryptHashIsRefused() {
    assertEquals(List.of(dir.resolve("web.yml") + ":2: basic_auth_users.alice: not a bcrypt hash"
        + " (make one with: htpasswd -nBC 10 alice)"), errors("basic_auth_users:\n  alice: plain-password\n"));
  }

  @Test
  void aMissingCertificateFileIsAnErrorNamingTheFile() {
    List<String> errors = errors("tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n");

    assertEquals(List.of(
        dir.resolve("web.yml") + ":2: tls_server_config.cert_file: cannot read file \"" + dir.resolve("missing.crt") + "\": no such file",
        dir.resolve("web.yml") + ":3: tls_server_config.key_file: cannot read file \"" + dir.resolve("missing.key") + "\": no such file"),
        errors);
  }

  @Test
  void aFileThatIsNotPemIsAnError() {
    write(dir, "server.crt", "not a certificate");
    write(dir, "server.key", "not a key");
    assertEquals(List.of(
        dir.resolve("web.yml") + ":2: tls_server_config.cert_file: no PEM certificate in \"" + dir.resolve("server.crt") + "\"",
        dir.resolve("web.yml") + ":3: tls_server_config.key_file: no PEM private key in \"" + dir.resolve("server.key") + "\""),
        errors("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"));
  }

  @Test
  void tlsSettingsFollowExporterToolkitsRules() {
    List<String> errors = errors("""
        tls_server_config:
          key_file: server.key
          client_auth_type: RequireSomething
          min_version: TLS14
          cipher_suites: [TLS_MADE_UP]
          curve_preferences: [CurveP256, Curve42]
        """);

    String web = dir.resolve("web.yml").toString();
    assertTrue(errors.contains(web + ":1: tls_server_config.cert_file: missing cert_file"), errors.toString());
    assertTrue(errors.contains(web + ":3: tls_server_config.client_auth_type: invalid client_auth_type \"RequireSomething\";"
        + " expected one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven,"
        + " RequireAndVerifyClientCert"), errors.toString());
    assertTrue(errors.contains(web + ":4: tls_server_config.min_version: unknown TLS version \"TLS14\";"
        + " expected one of [TLS10, TLS11, TLS12, TLS13]"), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith(web + ":5: tls_server_config.cipher_suites[0]: unknown cipher suite \"TLS_MADE_UP\"")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith(web + ":6: tls_server_config.curve_preferences[1]: unknown curve")), errors.toString());
  }

  @Test
  void clientCasWithoutAClientAuthTypeAreRefused() {
    assertTrue(errors("tls_server_config:\n  client_ca_file: ca.crt\n").contains(dir.resolve("web.yml")
        + ":2: tls_server_config.client_ca_file: client CAs are configured without a client_auth_type that asks for a certificate"));
  }

  @Test
  void onlyTheHeadersExporterToolkitAllowsMayBeSet() {
    List<String> errors = errors("""
        http_server_config:
          headers:
            Strict-Transport-Security: max-age=31536000
            X-Frame-Options: allow
            Server: nginx
        """);

    String web = dir.resolve("web.yml").toString();
    assertEquals(List.of(
        web + ":4: http_server_config.headers.X-Frame-Options: invalid value for X-Frame-Options: expected one of [deny, sameorigin], but got \"allow\"",
        web + ":5: http_server_config.headers.Server: HTTP header \"Server\" can not be configured (allowed: Content-Security-Policy,"
            + " Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection)"), errors);
  }

  @Test
  void theReadmesExampleUsersLoadAndTheirPasswordsMatch() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    int start = readme.indexOf("basic_auth_users:", readme.indexOf("# web.yml"));
    String users = readme.substring(start, readme.indexOf("```", start));
    WebConfig web = WebConfigLoader.load(write(dir, "web.yml", users)).config().orElseThrow();

    for (String user : List.of("alice", "bob")) {
      assertTrue(at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify((user + "-password").toCharArray(),
          web.users().get(user).reveal()).verified, user);
    }
  }

  @Test
  void aGoodFileLoadsUsersAndHeadersAndUnknownKeysAreErrors() {
    Path file = write(dir, "web.yml", "basic_auth_users:\n  alice: " + COST_10
        + "\nhttp_server_config:\n  http2: true\n  headers: {X-Content-Type-Options: nosniff}\n");
    WebConfig web = WebConfigLoader.load(file).config().orElseThrow();
    assertEquals(List.of("alice"), List.copyOf(web.users().keySet()));
    assertEquals("<secret>", web.users().get("alice").toString());
    assertEquals("nosniff", web.headers().get("X-Content-Type-Options"));
    assertTrue(web.tls().isEmpty());

    assertEquals(List.of(dir.resolve("web.yml") + ":1: basic_auth_user: unknown key (did you mean \"basic_auth_users\"?)"),
        errors("basic_auth_user: {}\n"));
  }
}
