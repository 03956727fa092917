package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.notify.DeliveryEvent;
import dev.tta.alertrouter.tracing.TraceIds;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured log of decisions and notifications: one line per notification at info (a retry
 * at debug), one line per decision at debug, each naming the fingerprint(s), group key and
 * receiver. As logfmt through the process log, or as JSON lines on standard output ({@code serve
 * --log-format json}); in both cases the level is this logger's, set as any slf4j logger's (e.g.
 * {@code -Dorg.slf4j.simpleLogger.log.dev.tta.alertrouter.explain.DecisionLog=debug}). Fields come
 * from {@link Decisions} and delivery events, which never carry a secret.
 */
public final class DecisionLog {
  private final Logger logger;
  private final LogFormat format;
  private final PrintStream jsonOut;

  /** @param jsonOut where JSON lines go (standard output in production); unused for text */
  public DecisionLog(LogFormat format, PrintStream jsonOut) {
    this(LoggerFactory.getLogger(DecisionLog.class), format, jsonOut);
  }

  DecisionLog(Logger logger, LogFormat format, PrintStream jsonOut) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.format = Objects.requireNonNull(format, "format");
    this.jsonOut = Objects.requireNonNull(jsonOut, "jsonOut");
  }

  /** Whether decision lines are written: callers skip building them otherwise. */
  public boolean decisionsEnabled() {
    return logger.isDebugEnabled();
  }

  /** One decision about one alert, at debug. */
  public void decision(Alert alert, Decision decision) {
    if (!logger.isDebugEnabled()) {
      return;
    }
    write(decisionLine(alert, decision));
  }

  /** One delivery attempt of one flush to one integration: info, or debug for a retried attempt. */
  public void notification(DeliveryEvent event, List<Alert> alerts, Instant at) {
    LogLine line = notificationLine(event, alerts, at);
    if (line.level() == LogLine.Level.DEBUG && !logger.isDebugEnabled()
        || line.level() == LogLine.Level.INFO && !logger.isInfoEnabled()) {
      return;
    }
    write(line);
  }

  static LogLine decisionLine(Alert alert, Decision decision) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("stage", decision.stage().wireName());
    fields.put("fingerprint", alert.fingerprint().toString());
    fields.put("alertname", alert.name());
    fields.putAll(decision.details());
    return new LogLine(decision.at(), LogLine.Level.DEBUG, decision.summary(), fields);
  }

  static LogLine notificationLine(DeliveryEvent event, List<Alert> alerts, Instant at) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("receiver", event.receiver());
    fields.put("integration", event.integration());
    fields.put("index", event.index());
    fields.put("outcome", event.result().label());
    fields.put("attempt", event.attempt());
    fields.put("latency_ms", event.latency().toMillis());
    fields.put("group_key", event.groupKey());
    fields.put("alerts", alerts.size());
    fields.put("fingerprints", alerts.stream().map(a -> a.fingerprint().toString()).toList());
    if (!event.reason().isEmpty()) {
      fields.put("reason", event.reason());
    }
    LogLine.Level level = event.result() == DeliveryEvent.Result.RETRIED ? LogLine.Level.DEBUG : LogLine.Level.INFO;
    return new LogLine(at, level, "notification " + event.result().label(), fields);
  }

  private void write(LogLine untraced) {
    // Written inside a recorded span (a flush, a delivery attempt): the line names its trace.
    Map<String, Object> fields = TraceIds.withCurrent(untraced.fields(), id -> id);
    LogLine line = fields == untraced.fields() ? untraced
        : new LogLine(untraced.ts(), untraced.level(), untraced.msg(), fields);
    if (format == LogFormat.JSON) {
      // println on a PrintStream is synchronized: lines from concurrent deliveries never interleave.
      jsonOut.println(line.json());
    } else if (line.level() == LogLine.Level.DEBUG) {
      logger.debug(line.logfmt());
    } else {
      logger.info(line.logfmt());
    }
  }
}
