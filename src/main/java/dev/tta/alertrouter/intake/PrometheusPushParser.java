package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Parses what Prometheus pushes to an Alertmanager ({@code POST /api/v2/alerts}): a JSON array of
 * postable alerts, resent every rule evaluation, where an {@code endsAt} in the future means firing.
 *
 * <p>Times are completed as Alertmanager's {@code postAlertsHandler} completes them: no
 * {@code startsAt} becomes now (or {@code endsAt} when only that is given); no {@code endsAt}
 * becomes now plus {@code resolve_timeout}, marked {@link Alert#endsAtByTimeout()}.
 */
public final class PrometheusPushParser {
  private final Clock clock;
  private final LabelValues labelValues = new LabelValues();
  private final ValidNames validNames = new ValidNames();
  private final Supplier<Duration> resolveTimeout;

  /** {@code resolveTimeout} is read on every request, so a reload can change it. */
  public PrometheusPushParser(Clock clock, Supplier<Duration> resolveTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resolveTimeout = Objects.requireNonNull(resolveTimeout, "resolveTimeout");
  }

  public PrometheusPushParser(Clock clock, Duration resolveTimeout) {
    this(clock, constant(resolveTimeout));
  }

  private static Supplier<Duration> constant(Duration d) {
    Objects.requireNonNull(d, "resolveTimeout");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("resolveTimeout must be positive: " + d);
    }
    return () -> d;
  }

  public ParseResult parse(byte[] body) {
    Instant now = clock.instant();
    Duration timeout = resolveTimeout.get();
    try {
      return JsonBody.read(body, parser -> read(parser, now, timeout));
    } catch (JsonBody.Malformed e) {
      return e.toRejection(AlertSource.PROMETHEUS);
    }
  }

  private ParseResult read(JsonParser parser, Instant now, Duration timeout) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      JsonBody.skip(parser);
      return ParseResult.Rejected.of(AlertSource.PROMETHEUS, Problem.ofPayload(
          null, "body must be a JSON array of alerts", InvalidReason.INVALID_PAYLOAD));
    }
    AlertArray read = AlertArray.read(parser, labelValues, validNames, fields -> toAlert(fields, now, timeout));
    return new ParseResult.Batch(AlertSource.PROMETHEUS, read.alerts(), read.problems(), read.received(), 0);
  }

  private static Alert toAlert(AlertFields fields, Instant now, Duration resolveTimeout) {
    Labels labels = fields.labels();
    Map<String, String> annotations = fields.annotations();
    Instant startsAt = fields.startsAt();
    Instant endsAt = fields.endsAt();
    String generatorUrl = fields.generatorUrl();
    if (!fields.isValid()) {
      return null;
    }
    if (startsAt == null) {
      startsAt = endsAt == null ? now : endsAt;
    }
    boolean byTimeout = endsAt == null;
    if (byTimeout) {
      endsAt = now.plus(resolveTimeout);
      if (endsAt.isBefore(startsAt)) {
        fields.problem("startsAt", "startsAt " + startsAt + " is later than now plus resolve_timeout ("
            + endsAt + "); send endsAt", InvalidReason.BAD_TIMESTAMP);
      }
    } else {
      fields.checkOrder(startsAt, endsAt);
    }
    if (!fields.isValid()) {
      return null;
    }
    return new Alert(labels, annotations, startsAt, endsAt, generatorUrl, now, byTimeout);
  }
}
