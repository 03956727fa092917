package dev.tta.alertrouter.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a web configuration file in the format of Prometheus' exporter-toolkit ({@code
 * tls_server_config}, {@code http_server_config}, {@code basic_auth_users}), with its rules: only
 * some response headers may be set, relative paths are relative to the file. On top of them, a
 * bcrypt hash must cost at least {@value #MIN_BCRYPT_COST}. Every problem names file, line and key.
 */
public final class WebConfigLoader {
  /** The lowest bcrypt cost accepted: cheaper hashes fall to offline guessing. */
  public static final int MIN_BCRYPT_COST = 10;

  private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}$");
  /** exporter-toolkit's extraHTTPHeaders: the headers that may be set, and their allowed values (none: any). */
  private static final Map<String, List<String>> HEADERS = Map.of(
      "Strict-Transport-Security", List.of(),
      "X-Content-Type-Options", List.of("nosniff"),
      "X-Frame-Options", List.of("deny", "sameorigin"),
      "X-XSS-Protection", List.of(),
      "Content-Security-Policy", List.of());

  /** What loading produced: the config, or every error. */
  public record Result(Optional<WebConfig> config, List<ConfigError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  private WebConfigLoader() {}

  public static Result load(Path file) {
    Problems problems = new Problems();
    LoadContext context = new LoadContext(problems, new EnvExpander(Map.of()), new References());
    if (!Files.isRegularFile(file)) {
      problems.error(new SourceLocation(file.toString(), 0), "--web.config.file",
          Files.exists(file) ? "not a file" : "no such file");
      return new Result(Optional.empty(), problems.errors());
    }
    Value root = ConfigFiles.read(file, context);
    if (root == null) {
      if (problems.hasErrors()) {
        return new Result(Optional.empty(), problems.errors());
      }
      return new Result(Optional.of(WebConfig.none()), List.of());
    }
    YamlMap m = root.mapping();
    m.allow("tls_server_config", "http_server_config", "basic_auth_users");
    Optional<TlsServerSettings> tls = m.has("tls_server_config") ? tls(m.get("tls_server_config").mapping()) : Optional.empty();
    Map<String, String> headers = m.has("http_server_config") ? headers(m.get("http_server_config").mapping()) : Map.of();
    Map<String, Secret> users = m.has("basic_auth_users") ? users(m.get("basic_auth_users").mapping()) : Map.of();
    if (problems.hasErrors()) {
      return new Result(Optional.empty(), problems.errors());
    }
    return new Result(Optional.of(new WebConfig(tls, headers, users)), List.of());
  }

  private static Map<String, Secret> users(YamlMap m) {
    Map<String, Secret> users = new LinkedHashMap<>();
    for (YamlMap.Entry e : m.entries()) {
      String user = ((ScalarNode) e.key().node()).getValue();
      if (!(e.value().node() instanceof ScalarNode scalar) || e.value().isNull()) {
        e.value().error("expected the user's bcrypt hash");
        continue;
      }
      // Read raw: a hash is full of '$', and no environment variable belongs in it.
      String hash = scalar.getValue().strip();
      Matcher bcrypt = BCRYPT.matcher(hash);
      if (!bcrypt.matches()) {
        e.value().error("not a bcrypt hash (make one with: htpasswd -nBC " + MIN_BCRYPT_COST + " " + user + ")");
        continue;
      }
      int cost = Integer.parseInt(bcrypt.group(1));
      if (cost < MIN_BCRYPT_COST || cost > 31) {
        e.value().error("bcrypt cost " + cost + " is " + (cost > 31 ? "above 31" : "below " + MIN_BCRYPT_COST)
            + "; make a new hash with: htpasswd -nBC " + MIN_BCRYPT_COST + " " + user);
        continue;
      }
      users.put(user, new Secret(hash));
    }
    return users;
  }

  private static Map<String, String> headers(YamlMap m) {
    m.allow("headers", "http2");
    m.bool("http2", true);
    Map<String, String> headers = new LinkedHashMap<>();
    if (!m.has("headers")) {
      return headers;
    }
    YamlMap h = m.get("headers").mapping();
    for (YamlMap.Entry e : h.entries()) {
      String name = ((ScalarNode) e.key().node()).getValue();
      String value = e.value().isNull() ? "" : e.value().text();
      List<String> allowed = HEADERS.get(name);
      if (allowed == null) {
        e.key().error("HTTP header \"" + name + "\" can not be configured (allowed: "
            + String.join(", ", HEADERS.keySet().stream().sorted().toList()) + ")");
      } else if (value != null && !allowed.isEmpty() && !allowed.contains(value)) {
        e.value().error("invalid value for " + name + ": expected one of " + allowed + ", but got \"" + value + "\"");
      } else if (value != null) {
        headers.put(name, value);
      }
    }
    return headers;
  }

  private static Optional<TlsServerSettings> tls(YamlMap m) {
    m.allow("cert_file", "key_file", "client_auth_type", "client_ca_file", "cipher_suites", "curve_preferences",
        "min_version", "max_version", "prefer_server_cipher_suites");
    m.bool("prefer_server_cipher_suites", true);
    for (Value curve : m.list("curve_preferences")) {
      String c = curve.text();
      if (c != null && !GoTlsNames.CURVES.contains(c)) {
        curve.error("unknown curve \"" + c + "\"; expected one of " + GoTlsNames.CURVES);
      }
    }
    String clientAuthName = m.string("client_auth_type", "");
    boolean anything = m.has("cert_file") || m.has("key_file") || !clientAuthName.isEmpty() || m.has("client_ca_file");
    if (!anything) {
      return Optional.empty(); // exporter-toolkit: no TLS config means plain HTTP
    }
    Optional<TlsServerSettings.ClientAuth> clientAuth = clientAuthName.isEmpty()
        ? Optional.of(TlsServerSettings.ClientAuth.NO_CLIENT_CERT) : TlsServerSettings.ClientAuth.parse(clientAuthName);
    if (clientAuth.isEmpty()) {
      m.get("client_auth_type").error("invalid client_auth_type \"" + clientAuthName + "\"; expected one of NoClientCert,"
          + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert");
    }
    if (m.has("client_ca_file") && clientAuth.orElse(null) == TlsServerSettings.ClientAuth.NO_CLIENT_CERT) {
      m.get("client_ca_file").error("client CAs are configured without a client_auth_type that asks for a certificate");
    }
    if (!m.has("client_ca_file") && clientAuth.map(TlsServerSettings.ClientAuth::verifies).orElse(false)) {
      m.missing("client_ca_file", "client_auth_type " + clientAuthName + " verifies client certificates: it needs client_ca_file");
    }
    List<String> protocols = protocols(m);
    List<String> suites = suites(m);
    Path certFile = file(m, "cert_file");
    Path keyFile = file(m, "key_file");
    KeyStore keyStore = null;
    if (certFile != null && keyFile != null) {
      List<X509Certificate> chain = read(m.get("cert_file"), certFile);
      PrivateKey key = readKey(m.get("key_file"), keyFile);
      if (chain != null && key != null) {
        try {
          keyStore = PemFiles.keyStore(chain, key, keyFile);
        } catch (PemFiles.PemException e) {
          m.get("key_file").error(e.getMessage());
        }
      }
    }
    Optional<KeyStore> clientCas = Optional.empty();
    if (m.has("client_ca_file")) {
      Path caFile = file(m, "client_ca_file");
      List<X509Certificate> cas = caFile == null ? null : read(m.get("client_ca_file"), caFile);
      if (cas != null) {
        try {
          clientCas = Optional.of(PemFiles.trustStore(cas));
        } catch (PemFiles.PemException e) {
          m.get("client_ca_file").error(e.getMessage());
        }
      }
    }
    if (keyStore == null || clientAuth.isEmpty() || protocols == null || suites == null) {
      return Optional.empty();
    }
    return Optional.of(new TlsServerSettings(certFile, keyFile, keyStore, clientCas, clientAuth.get(), protocols, suites));
  }

  private static Path file(YamlMap m, String key) {
    if (!m.has(key)) {
      m.missing(key, "missing " + key);
      return null;
    }
    String name = m.string(key);
    return name == null ? null : SecretReader.resolve(m.get(key), name);
  }

  private static List<X509Certificate> read(Value where, Path file) {
    try {
      return PemFiles.certificates(file);
    } catch (PemFiles.PemException e) {
      where.error(e.getMessage());
    } catch (IOException e) {
      where.error(unreadable(file, e));
    }
    return null;
  }

  private static PrivateKey readKey(Value where, Path file) {
    try {
      return PemFiles.privateKey(file);
    } catch (PemFiles.PemException e) {
      where.error(e.getMessage());
    } catch (IOException e) {
      where.error(unreadable(file, e));
    }
    return null;
  }

  private static String unreadable(Path file, IOException e) {
    String why = e instanceof NoSuchFileException ? "no such file"
        : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    return "cannot read file \"" + file + "\": " + why;
  }

  /** Java names of the versions from min_version to max_version (default TLS12..TLS13). */
  private static List<String> protocols(YamlMap m) {
    String min = m.string("min_version", "TLS12");
    String max = m.string("max_version", "TLS13");
    boolean ok = true;
    for (String key : new String[] {"min_version", "max_version"}) {
      String v = key.equals("min_version") ? min : max;
      if (GoTlsNames.javaVersion(v).isEmpty()) {
        m.get(key).error("unknown TLS version \"" + v + "\"; expected one of " + GoTlsNames.VERSION_ORDER);
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    int from = GoTlsNames.VERSION_ORDER.indexOf(min);
    int to = GoTlsNames.VERSION_ORDER.indexOf(max);
    if (from > to) {
      m.get("max_version").error("max_version " + max + " is below min_version " + min);
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String v : GoTlsNames.VERSION_ORDER.subList(from, to + 1)) {
      out.add(GoTlsNames.javaVersion(v).orElseThrow());
    }
    return out;
  }

  /** Java names of cipher_suites (plus TLS 1.3's, which Go does not let be chosen); empty: the JVM's defaults. */
  private static List<String> suites(YamlMap m) {
    if (!m.has("cipher_suites")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (Value item : m.list("cipher_suites")) {
      String name = item.text();
      if (name == null) {
        ok = false;
        continue;
      }
      Optional<String> java = GoTlsNames.javaSuite(name);
      if (java.isEmpty()) {
        item.error("unknown cipher suite \"" + name + "\" (Go's crypto/tls names, such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
        ok = false;
      } else if (!out.contains(java.get())) {
        out.add(java.get());
      }
    }
    for (String tls13 : GoTlsNames.TLS13_SUITES) {
      if (!out.contains(tls13)) {
        out.add(tls13);
      }
    }
    return ok ? out : null;
  }
}
