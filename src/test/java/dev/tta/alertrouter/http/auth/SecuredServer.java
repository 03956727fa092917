package dev.tta.alertrouter.http.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The whole server (App, as {@code serve} builds it) on 127.0.0.1 and a free port, with a routing
 * config and a web config written by the test, and a real HTTP(S) client.
 */
final class SecuredServer implements AutoCloseable {
  static final String ROUTE = "route: {receiver: a}\nreceivers: [{name: a}]\n";

  final Path dir;
  final Path routing;
  final Path web;
  final App app;
  private final String scheme;
  private final HttpClient client;
  private final boolean ownsApp;

  private SecuredServer(Path dir, Path routing, Path web, App app, String scheme, HttpClient client, boolean ownsApp) {
    this.ownsApp = ownsApp;
    this.dir = dir;
    this.routing = routing;
    this.web = web;
    this.app = app;
    this.scheme = scheme;
    this.client = client;
  }

  /** Plain HTTP; {@code webYaml} null for no web config. */
  static SecuredServer start(Path dir, String serverYaml, String webYaml) throws IOException, ConfigException {
    return start(dir, serverYaml, webYaml, null);
  }

  static SecuredServer start(Path dir, String serverYaml, String webYaml, SSLContext tls) throws IOException, ConfigException {
    Path routing = Files.writeString(dir.resolve("alertmanager.yml"), ROUTE + (serverYaml == null ? "" : serverYaml));
    Path web = dir.resolve("web.yml");
    AppOptions options = new AppOptions(routing, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    if (webYaml != null) {
      Files.writeString(web, webYaml);
      options = options.withWebConfig(web);
    }
    App app = App.start(options, Clock.systemUTC(), Map.of());
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (tls != null) {
      b.sslContext(tls);
    }
    return new SecuredServer(dir, routing, web, app, tls == null ? "http" : "https", b.build(), true);
  }

  /** Another client of the same running server (its close does not stop the server). */
  static SecuredServer clientOf(SecuredServer running, SSLContext tls) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(tls).build();
    return new SecuredServer(running.dir, running.routing, running.web, running.app, "https", client, false);
  }

  /** {@code user: bcrypt(password)} at cost 10, as {@code htpasswd -nBC 10} makes it. */
  static String hash(String password) {
    return BCrypt.withDefaults().hashToString(10, password.toCharArray());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  URI uri(String path) {
    return URI.create(scheme + "://127.0.0.1:" + app.port() + path);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code alertrouter_http_auth_refused_total{reason}} as the registry holds it. */
  double refused(String reason) {
    String text = new String(app.metrics().expose(null).body(), StandardCharsets.UTF_8);
    String series = "alertrouter_http_auth_refused_total{reason=\"" + reason + "\"} ";
    for (String line : text.split("\n")) {
      if (line.startsWith(series)) {
        return Double.parseDouble(line.substring(series.length()).strip());
      }
    }
    throw new AssertionError("no series for reason " + reason);
  }

  @Override
  public void close() {
    if (ownsApp) {
      app.close();
    }
  }
}
