package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.startup.Lazy;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts JSON to a notification peer as a configured {@code http_config} asks: its authorization,
 * proxy, TLS trust, redirects and HTTP/2 setting, with timeouts. One instance per integration; the
 * JDK client inside keeps its connections for reuse.
 */
public final class HttpPoster {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** A peer's answer is read up to this size: enough for any error message, bounded for a rogue peer. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private static final String USER_AGENT = "alert-router";
  /** OpenTelemetry's semantic-convention name for the peer's status. */
  private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");

  /** Built at the first send: building one starts a selector thread and may load the trust store. */
  private final Lazy<HttpClient> client;
  private final Optional<HttpAuth> auth;
  private final Duration requestTimeout;

  /** With {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_REQUEST_TIMEOUT}. */
  public HttpPoster(HttpClientConfig config) {
    this(config, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * @throws IllegalArgumentException for a setting alert-router cannot honour (see {@link
   *     TlsContexts}) or an unreadable CA file; the message names the setting
   */
  public HttpPoster(HttpClientConfig config, Duration connectTimeout, Duration requestTimeout) {
    Objects.requireNonNull(config, "config");
    requirePositive("connect timeout", connectTimeout);
    this.requestTimeout = requirePositive("request timeout", requestTimeout);
    this.auth = config.auth();
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(config.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
            .version(config.enableHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
    config.proxyUrl().ifPresent(proxy -> builder.proxy(proxySelector(proxy)));
    TlsContexts.configure(config.tls(), builder);
    this.client = Lazy.of(builder::build);
  }

  /**
   * One POST of {@code json}.
   *
   * @throws IOException when no answer came (refused, reset, timed out); the message never holds
   *     the URL's path or query, where tokens live
   */
  public Response postJson(URI uri, byte[] json) throws IOException, InterruptedException {
    return sendJson("POST", uri, json, Map.of());
  }

  /**
   * One request with a JSON body and further headers (e.g. Opsgenie's {@code Authorization:
   * GenieKey …}, which takes the place of the {@code http_config} authorization when both are set).
   *
   * @throws IOException when no answer came; the message never holds the URL's path or query
   */
  public Response sendJson(String method, URI uri, byte[] json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // HTTP/2 only over TLS, as Go's client (and so Alertmanager) does: no h2c upgrade dance.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    if (!headers.containsKey("Authorization")) {
      auth.ifPresent(a -> request.header("Authorization", authorization(a)));
    }
    headers.forEach(request::header);
    // The delivery attempt's span, when one is recording: the peer (or a proxy before it) can join the trace.
    W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
    HttpResponse<InputStream> response = client.get().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    Span.current().setAttribute(STATUS_CODE, (long) response.statusCode());
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }
    return new Response(response.statusCode(), response.headers().firstValue("Retry-After"), body);
  }

  /**
   * A peer's answer.
   *
   * @param retryAfter the {@code Retry-After} header as sent
   * @param body the start of the body (at most 64 KiB)
   */
  public record Response(int status, Optional<String> retryAfter, String body) {
    public Response {
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(body, "body");
    }

    public boolean isSuccess() {
      return status / 100 == 2;
    }
  }

  private static String authorization(HttpAuth auth) {
    if (auth instanceof HttpAuth.Bearer bearer) {
      return "Bearer " + bearer.token().reveal();
    }
    HttpAuth.Basic basic = (HttpAuth.Basic) auth;
    String pair = basic.username() + ":" + basic.password().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static ProxySelector proxySelector(String proxyUrl) {
    URI proxy;
    try {
      proxy = URI.create(proxyUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("http_config.proxy_url is not a URL", e);
    }
    if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null || proxy.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "http_config.proxy_url: only http://host:port proxies without credentials are supported");
    }
    int port = proxy.getPort() == -1 ? 80 : proxy.getPort();
    return ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), port));
  }

  private static Duration requirePositive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
    return d;
  }
}
