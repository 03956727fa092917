package dev.tta.alertrouter.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP traces receiver on 127.0.0.1 (free port), as a Collector, Jaeger or Tempo serves it:
 * {@code POST /v1/traces} with a protobuf {@code ExportTraceServiceRequest}, gzip or plain. It
 * decodes every export with the protocol's own generated classes and keeps the spans and headers.
 */
public final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ResourceSpans> resources = new ArrayList<>();
  private final List<String> headerValues = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code host:port}, as the tracing section's endpoint takes it. */
  public String endpoint() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String problem = null;
      if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/traces")) {
        problem = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      } else if (!"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        problem = "Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type");
      }
      if (problem != null) {
        synchronized (this) {
          refused.add(problem);
        }
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      InputStream in = exchange.getRequestBody();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
      synchronized (this) {
        resources.addAll(request.getResourceSpansList());
        headerValues.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Scope-OrgID")));
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  public synchronized List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans r : resources) {
      for (ScopeSpans s : r.getScopeSpansList()) {
        spans.addAll(s.getSpansList());
      }
    }
    return spans;
  }

  public synchronized List<ResourceSpans> resources() {
    return List.copyOf(resources);
  }

  /** The {@code X-Scope-OrgID} header of each export. */
  public synchronized List<String> tenantHeaders() {
    return List.copyOf(headerValues);
  }

  public synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
