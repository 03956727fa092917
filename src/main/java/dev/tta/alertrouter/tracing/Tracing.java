package dev.tta.alertrouter.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's tracer: a no-op until a target is applied, then an SDK tracer exporting over
 * OTLP/HTTP in batches. A reload that changes the target swaps the SDK underneath; the stages hold
 * {@link #tracer()}, which always speaks for the current one. Nothing is global: no
 * {@code GlobalOpenTelemetry}, so tests and replays never share a tracer by accident.
 */
public final class Tracing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
  private static final String NAME = "alert-router";

  private final String version;
  private final String instance;
  private final Tracer tracer = new CurrentTracer();
  private final IntakeSpans intakeSpans = new IntakeSpans();
  private volatile Tracer current = TracerProvider.noop().get(NAME);
  private volatile SdkTracerProvider provider;
  private volatile Optional<ExportTarget> target = Optional.empty();

  /**
   * @param version this build's version
   * @param instance this replica's name ({@code service.instance.id})
   */
  public Tracing(String version, String instance) {
    this.version = Objects.requireNonNull(version, "version");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /** This replica, as every span names it; made when tracing is turned on (the SDK's defaults read the host). */
  private Resource resource() {
    return Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey("service.name"), NAME,
        AttributeKey.stringKey("service.version"), version,
        AttributeKey.stringKey("service.instance.id"), instance)));
  }

  /** Tracing that stays off (tests, replays, one-shot commands). */
  public static Tracing off() {
    return new Tracing("dev", "none");
  }

  /** The tracer the stages use; a no-op while tracing is off, so off costs a branch per span. */
  public Tracer tracer() {
    return tracer;
  }

  /** Which intake request brought each alert, so a flush can continue its trace. */
  public IntakeSpans intakeSpans() {
    return intakeSpans;
  }

  public boolean enabled() {
    return provider != null;
  }

  /**
   * Exports to {@code next} from now on (or stops, when empty); an unchanged target keeps the running
   * exporter and its queue. The old exporter is flushed and closed.
   *
   * @throws IllegalArgumentException for a target the exporter refuses (an unreadable certificate)
   */
  public synchronized void apply(Optional<ExportTarget> next) {
    Objects.requireNonNull(next, "next");
    if (next.equals(target)) {
      return;
    }
    SdkTracerProvider fresh = next.map(this::build).orElse(null);
    SdkTracerProvider old = provider;
    provider = fresh;
    current = fresh == null ? TracerProvider.noop().get(NAME) : fresh.get(NAME);
    target = next;
    intakeSpans.enable(fresh != null);
    if (old != null) {
      old.shutdown().join(5, TimeUnit.SECONDS);
    }
    LOG.info(fresh == null ? "tracing off" : "tracing: exporting spans to {}", next.map(ExportTarget::describe)
        .orElse(""));
  }

  /** Exports every span ended so far; returns when done or after {@code seconds}. */
  public boolean flush(long seconds) {
    SdkTracerProvider p = provider;
    if (p == null) {
      return true;
    }
    CompletableResultCode result = p.forceFlush().join(seconds, TimeUnit.SECONDS);
    return result.isSuccess();
  }

  @Override
  public synchronized void close() {
    apply(Optional.empty());
  }

  private SdkTracerProvider build(ExportTarget target) {
    OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(target.url().toString())
        .setTimeout(target.timeout())
        .setCompression(target.gzip() ? "gzip" : "none");
    target.headers().forEach((name, value) -> exporter.addHeader(name, value.reveal()));
    try {
      if (target.tls().caFile().isPresent()) {
        exporter.setTrustedCertificates(Files.readAllBytes(target.tls().caFile().get()));
      }
      if (target.tls().certFile().isPresent()) {
        exporter.setClientTls(Files.readAllBytes(target.tls().keyFile().orElseThrow()),
            Files.readAllBytes(target.tls().certFile().get()));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("tracing.tls_config: cannot read a certificate file: " + e.getMessage(), e);
    }
    return SdkTracerProvider.builder()
        .setResource(resource())
        // An incoming traceparent's sampled flag wins; new traces are sampled by trace id, so every
        // replica and every downstream service that samples the same way keeps the same traces.
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(target.samplingFraction())))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
        .build();
  }

  /** Hands each span to whichever tracer is current when the span starts. */
  private final class CurrentTracer implements Tracer {
    @Override
    public SpanBuilder spanBuilder(String spanName) {
      return current.spanBuilder(spanName);
    }
  }
}
