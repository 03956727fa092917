package dev.tta.alertrouter.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current span's ids as log and explain fields ({@code trace_id}, {@code span_id}), so a line in
 * Loki or a step in explain leads to the trace in Jaeger or Tempo. Only for recorded spans: an id
 * that was never exported would lead nowhere.
 */
public final class TraceIds {
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";

  private TraceIds() {}

  /** {@code fields} plus the current span's ids, or {@code fields} itself outside a recorded span. */
  public static <V> Map<String, V> withCurrent(Map<String, V> fields, java.util.function.Function<String, V> value) {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid() || !context.isSampled()) {
      return fields;
    }
    Map<String, V> more = new LinkedHashMap<>(fields);
    more.put(TRACE_ID, value.apply(context.getTraceId()));
    more.put(SPAN_ID, value.apply(context.getSpanId()));
    return more;
  }
}
