package dev.tta.alertrouter.tracing;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Objects;

/**
 * The server span of an intake request. An incoming {@code traceparent} (Prometheus and Alertmanager
 * send none, a proxy or a custom sender may) is honoured: the request joins that trace, and its
 * sampled flag decides whether it is recorded.
 */
public final class IntakeSpan {
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Context ctx) {
      return ctx.headerMap().keySet();
    }

    @Override
    public String get(Context ctx, String key) {
      return ctx == null ? null : ctx.header(key);
    }
  };

  private final Tracing tracing;

  public IntakeSpan(Tracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  /** {@code handler} for {@code POST route}, inside a server span while tracing is on. */
  public Handler around(String route, Handler handler) {
    Objects.requireNonNull(handler, "handler");
    return ctx -> {
      if (!tracing.enabled()) {
        handler.handle(ctx);
        return;
      }
      io.opentelemetry.context.Context parent = W3CTraceContextPropagator.getInstance()
          .extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
      Span span = tracing.tracer().spanBuilder(ctx.method().name() + " " + route)
          .setParent(parent)
          .setSpanKind(SpanKind.SERVER)
          .setAttribute(METHOD, ctx.method().name())
          .setAttribute(ROUTE, route)
          .setAttribute(PATH, ctx.path())
          .startSpan();
      try (Scope ignored = span.makeCurrent()) {
        handler.handle(ctx);
        int status = ctx.statusCode();
        span.setAttribute(STATUS, (long) status);
        if (status >= 500) {
          span.setStatus(StatusCode.ERROR);
        }
      } catch (Exception e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        throw e;
      } finally {
        span.end();
      }
    };
  }
}
