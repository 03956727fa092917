package dev.tta.alertrouter.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code http_config} and {@code tls_config} blocks (Prometheus' common HTTP client settings). */
final class HttpConfigParser {
  private static final String UNSUPPORTED = "not supported by alert-router";
  private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");

  private HttpConfigParser() {}

  static HttpClientConfig parse(Value v) {
    YamlMap m = v.mapping();
    m.reject(UNSUPPORTED, "oauth2", "no_proxy", "proxy_from_environment", "proxy_connect_header");
    m.allow("authorization", "basic_auth", "bearer_token", "bearer_token_file", "proxy_url", "tls_config",
        "follow_redirects", "enable_http2");
    Optional<HttpAuth> auth = auth(m);
    Optional<String> proxy = m.has("proxy_url") ? Optional.ofNullable(Urls.read(m.get("proxy_url"))) : Optional.empty();
    TlsSettings tls = m.has("tls_config") ? tls(m.get("tls_config")) : TlsSettings.defaults();
    return new HttpClientConfig(auth, proxy, tls, m.bool("follow_redirects", true), m.bool("enable_http2", true));
  }

  private static Optional<HttpAuth> auth(YamlMap m) {
    int forms = (m.has("authorization") ? 1 : 0) + (m.has("basic_auth") ? 1 : 0)
        + (SecretReader.configured(m, "bearer_token") ? 1 : 0);
    if (forms > 1) {
      m.missing("authorization", "at most one of basic_auth, authorization and bearer_token(_file) must be configured");
      return Optional.empty();
    }
    if (m.has("basic_auth")) {
      return basicAuth(m.get("basic_auth").mapping());
    }
    if (m.has("authorization")) {
      YamlMap a = m.get("authorization").mapping();
      a.allow("type", "credentials", "credentials_file");
      String type = a.string("type", "Bearer");
      if (!type.equalsIgnoreCase("Bearer")) {
        a.get("type").error("authorization type \"" + type + "\" " + UNSUPPORTED
            + (type.toLowerCase(Locale.ROOT).equals("basic") ? " (use basic_auth)" : " (only Bearer)"));
        return Optional.empty();
      }
      return bearer(a, "credentials");
    }
    return bearer(m, "bearer_token");
  }

  private static Optional<HttpAuth> bearer(YamlMap m, String name) {
    if (!SecretReader.configured(m, name)) {
      return Optional.empty();
    }
    return SecretReader.read(m, name, SecretReader.WhenUnset.ERROR).map(HttpAuth.Bearer::new);
  }

  /** Basic auth as {@code http_config} and {@code server:} write it: username, password or password_file. */
  static Optional<HttpAuth> basicAuth(YamlMap b) {
    b.allow("username", "password", "password_file");
    String username = b.string("username");
    if (username == null) {
      b.missing("username", "missing username in basic_auth");
      return Optional.empty();
    }
    if (!SecretReader.configured(b, "password")) {
      return Optional.of(new HttpAuth.Basic(username, new Secret("")));
    }
    return SecretReader.read(b, "password", SecretReader.WhenUnset.ERROR)
        .map(p -> new HttpAuth.Basic(username, p));
  }

  static TlsSettings tls(Value v) {
    YamlMap t = v.mapping();
    t.reject(UNSUPPORTED + " (use ca_file, cert_file and key_file)", "ca", "cert", "key");
    t.reject(UNSUPPORTED, "max_version");
    t.allow("ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify", "min_version");
    Optional<Path> ca = readableFile(t, "ca_file");
    Optional<Path> cert = readableFile(t, "cert_file");
    Optional<Path> key = readableFile(t, "key_file");
    if (t.has("cert_file") != t.has("key_file")) {
      t.missing(t.has("cert_file") ? "key_file" : "cert_file", "cert_file and key_file must be configured together");
      cert = Optional.empty();
      key = Optional.empty();
    }
    if (cert.isPresent() != key.isPresent()) {
      cert = Optional.empty();
      key = Optional.empty();
    }
    Optional<String> minVersion = Optional.ofNullable(t.string("min_version"));
    if (minVersion.isPresent() && !TLS_VERSIONS.contains(minVersion.get())) {
      t.get("min_version").error("unknown TLS version \"" + minVersion.get() + "\" (want TLS10, TLS11, TLS12 or TLS13)");
      minVersion = Optional.empty();
    }
    return new TlsSettings(ca, cert, key, Optional.ofNullable(t.string("server_name")),
        t.bool("insecure_skip_verify", false), minVersion);
  }

  private static Optional<Path> readableFile(YamlMap m, String name) {
    Value v = m.get(name);
    String text = v == null ? null : v.text();
    if (text == null) {
      return Optional.empty();
    }
    Path path = SecretReader.resolve(v, text);
    if (!Files.isReadable(path)) {
      v.error("cannot read file \"" + path + "\"");
      return Optional.empty();
    }
    return Optional.of(path);
  }
}
