package dev.tta.alertrouter.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (free port) standing in for a notification peer: it records
 * every request (with the time on the test's clock) and answers from a script, then from its
 * default responder.
 */
public final class HttpPeer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Clock clock;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Function<Request, Answer> responder;
  private volatile Hook hook = request -> {};

  /** One request as the peer saw it; {@code query} is the raw query string, or null. */
  public record Request(String method, String path, Map<String, List<String>> headers, String body, Instant at,
      String query) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** What the peer answers. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer of(int status) {
      return new Answer(status, Map.of(), "");
    }

    public static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, more, body);
    }
  }

  /** Runs on the server thread once a request is recorded, before it is answered. */
  @FunctionalInterface
  public interface Hook {
    void arrived(Request request) throws InterruptedException;
  }

  /** @param responder answers what the script does not */
  public HttpPeer(Clock clock, Function<Request, Answer> responder) throws IOException {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.responder = Objects.requireNonNull(responder, "responder");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers 200 with an empty body unless scripted. */
  public static HttpPeer ok(Clock clock) throws IOException {
    return new HttpPeer(clock, request -> Answer.of(200));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The next requests get these answers, in order. */
  public synchronized HttpPeer then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public synchronized void respondWith(Function<Request, Answer> responder) {
    this.responder = responder;
  }

  public void onArrival(Hook hook) {
    this.hook = hook;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body,
              clock.instant(),
              exchange.getRequestURI().getRawQuery());
      Answer answer;
      synchronized (this) {
        requests.add(request);
        answer = script.isEmpty() ? responder.apply(request) : script.removeFirst();
      }
      try {
        hook.arrived(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
