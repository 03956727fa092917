package dev.tta.alertrouter.tracing;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.notify.StageWrapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Objects;

/**
 * Spans for a flush and its stages. A flush span continues the trace of the intake request that
 * brought the newest of its alerts ({@link IntakeSpans}); each stage is a child, current while it
 * runs, so a delivery attempt below it and the notifier's outgoing request join the same trace.
 * While tracing is off every wrapper calls straight through.
 */
public final class StageSpans implements StageWrapper {
  public static final AttributeKey<String> GROUP_KEY = AttributeKey.stringKey("alertrouter.group_key");
  public static final AttributeKey<String> RECEIVER = AttributeKey.stringKey("alertrouter.receiver");
  public static final AttributeKey<String> ROUTE = AttributeKey.stringKey("alertrouter.route");
  public static final AttributeKey<Long> ALERTS_IN = AttributeKey.longKey("alertrouter.alerts");
  public static final AttributeKey<Long> ALERTS_OUT = AttributeKey.longKey("alertrouter.alerts_passed");

  private final Tracing tracing;

  public StageSpans(Tracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  @Override
  public Stage wrap(String name, Stage stage) {
    Objects.requireNonNull(stage, "stage");
    return (context, alerts) -> {
      if (!tracing.enabled()) {
        return stage.apply(context, alerts);
      }
      return run(tracing.tracer().spanBuilder(name), stage, context, alerts);
    };
  }

  /** The whole flush of a group, as the dispatcher runs it: the root of everything the flush does. */
  public Stage flush(Stage pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    return (context, alerts) -> {
      if (!tracing.enabled()) {
        return pipeline.apply(context, alerts);
      }
      IntakeSpans.Origins origins = tracing.intakeSpans().originsOf(alerts);
      SpanBuilder builder = tracing.tracer().spanBuilder("flush")
          .setAttribute(GROUP_KEY, context.groupKey())
          .setAttribute(RECEIVER, context.receiver())
          .setAttribute(ROUTE, context.routeKey());
      // Never the flush thread's own context: a flush belongs to its alerts' trace, or starts one.
      builder.setParent(origins.parent().map(p -> Context.root().with(Span.wrap(p))).orElse(Context.root()));
      for (SpanContext link : origins.links()) {
        builder.addLink(link);
      }
      return run(builder, pipeline, context, alerts);
    };
  }

  private static List<Alert> run(SpanBuilder builder, Stage stage, FlushContext context, List<Alert> alerts) {
    Span span = builder.setAttribute(ALERTS_IN, (long) alerts.size()).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      List<Alert> passed = stage.apply(context, alerts);
      span.setAttribute(ALERTS_OUT, (long) passed.size());
      return passed;
    } catch (StageFailedException e) {
      span.setStatus(StatusCode.ERROR, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
