package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.TlsSettings;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpPosterTest {
  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));

  @Test
  void postsJsonWithABearerToken() throws Exception {
    try (HttpPeer peer = HttpPeer.ok(clock).then(Answer.json(202, "{\"status\":\"success\"}"))) {
      HttpPoster poster = new HttpPoster(withAuth(new HttpAuth.Bearer(new Secret("t0ken"))));

      HttpPoster.Response response = poster.postJson(peer.uri("/v2/enqueue"), BODY);

      assertEquals(new HttpPoster.Response(202, Optional.empty(), "{\"status\":\"success\"}"), response);
      HttpPeer.Request request = peer.requests().get(0);
      assertEquals("POST", request.method());
      assertEquals("/v2/enqueue", request.path());
      assertEquals("application/json", request.header("Content-Type"));
      assertEquals("Bearer t0ken", request.header("Authorization"));
      assertEquals("{\"ok\":true}", request.body());
    }
  }

  @Test
  void postsWithBasicAuthAndReadsRetryAfter() throws Exception {
    try (HttpPeer peer = HttpPeer.ok(clock).then(Answer.of(429).withHeader("Retry-After", "12"))) {
      HttpPoster poster = new HttpPoster(withAuth(new HttpAuth.Basic("router", new Secret("pa:ss"))));

      HttpPoster.Response response = poster.postJson(peer.uri("/hook"), BODY);

      assertEquals(429, response.status());
      assertEquals(Optional.of("12"), response.retryAfter());
      assertEquals("Basic cm91dGVyOnBhOnNz", peer.requests().get(0).header("Authorization"));
    }
  }

  @Test
  void withoutAuthNoAuthorizationIsSent() throws Exception {
    try (HttpPeer peer = HttpPeer.ok(clock)) {
      new HttpPoster(HttpClientConfig.defaults()).postJson(peer.uri("/hook"), BODY);
      assertNull(peer.requests().get(0).header("Authorization"));
    }
  }

  @Test
  void aCaFileIsTrustedInsteadOfTheSystemRoots(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("peer.p12");
    Path ca = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "peer", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", ca.toString());
    HttpsServer server = tlsServer(keystore);
    try {
      URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/hook");
      TlsSettings trustingCa = new TlsSettings(Optional.of(ca), Optional.empty(), Optional.empty(), Optional.empty(),
          false, Optional.of("TLS12"));

      HttpPoster.Response response = new HttpPoster(withTls(trustingCa)).postJson(uri, BODY);
      assertEquals(200, response.status());

      HttpPoster systemRoots = new HttpPoster(HttpClientConfig.defaults());
      assertThrows(SSLHandshakeException.class, () -> systemRoots.postJson(uri, BODY));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void tlsSettingsThatCannotBeHonouredAreRefusedByName() {
    TlsSettings insecure = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true,
        Optional.empty());
    TlsSettings serverName = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("hooks.example"), false, Optional.empty());
    TlsSettings oldVersion = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, Optional.of("SSL3"));

    assertTrue(message(insecure).contains("insecure_skip_verify"));
    assertTrue(message(serverName).contains("server_name"));
    assertTrue(message(oldVersion).contains("min_version"));
  }

  @Test
  void aProxyWithCredentialsIsRefused() {
    HttpClientConfig config = new HttpClientConfig(Optional.empty(), Optional.of("http://user:pw@proxy:3128"),
        TlsSettings.defaults(), true, true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HttpPoster(config));
    assertTrue(e.getMessage().contains("proxy_url"));
    assertTrue(!e.getMessage().contains("pw"));
  }

  private static String message(TlsSettings tls) {
    return assertThrows(IllegalArgumentException.class, () -> new HttpPoster(withTls(tls))).getMessage();
  }

  private static HttpClientConfig withAuth(HttpAuth auth) {
    return new HttpClientConfig(Optional.of(auth), Optional.empty(), TlsSettings.defaults(), true, true);
  }

  private static HttpClientConfig withTls(TlsSettings tls) {
    return new HttpClientConfig(Optional.empty(), Optional.empty(), tls, true, true);
  }

  private static HttpsServer tlsServer(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    return server;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }
}
