package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

// The reference for StreamingParsersMatchTreeReferenceTest: the tree-based parser as it was on main at
// 7d46283, before intake parsed from Jackson's stream; kept unchanged but for the class names and
// for label values no longer shared through LabelValues, which changes no result.
/**
 * Parses what Prometheus pushes to an Alertmanager ({@code POST /api/v2/alerts}): a JSON array of
 * postable alerts, resent every rule evaluation, where an {@code endsAt} in the future means firing.
 *
 * <p>Times are completed as Alertmanager's {@code postAlertsHandler} completes them: no
 * {@code startsAt} becomes now (or {@code endsAt} when only that is given); no {@code endsAt}
 * becomes now plus {@code resolve_timeout}, marked {@link Alert#endsAtByTimeout()}.
 */
final class ReferencePrometheusPushParser {
  private final Clock clock;
  private final Supplier<Duration> resolveTimeout;

  /** {@code resolveTimeout} is read on every request, so a reload can change it. */
  public ReferencePrometheusPushParser(Clock clock, Supplier<Duration> resolveTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resolveTimeout = Objects.requireNonNull(resolveTimeout, "resolveTimeout");
  }

  public ReferencePrometheusPushParser(Clock clock, Duration resolveTimeout) {
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
    JsonNode root;
    try {
      root = ReferenceJsonBody.read(body);
    } catch (ReferenceJsonBody.Malformed e) {
      return e.toRejection(AlertSource.PROMETHEUS);
    }
    if (!root.isArray()) {
      return ParseResult.Rejected.of(AlertSource.PROMETHEUS, Problem.ofPayload(
          null, "body must be a JSON array of alerts", InvalidReason.INVALID_PAYLOAD));
    }
    Instant now = clock.instant();
    Duration timeout = resolveTimeout.get();
    List<Alert> valid = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      Alert alert = toAlert(root.get(i), i, problems, now, timeout);
      if (alert != null) {
        valid.add(alert);
      }
    }
    return new ParseResult.Batch(AlertSource.PROMETHEUS, valid, problems, root.size(), 0);
  }

  private Alert toAlert(
      JsonNode node, int index, List<Problem> problems, Instant now, Duration resolveTimeout) {
    if (!node.isObject()) {
      problems.add(new Problem(index, null, "alert must be a JSON object", InvalidReason.INVALID_FIELD));
      return null;
    }
    ReferenceAlertFields fields = new ReferenceAlertFields(node, index, problems);
    Labels labels = fields.labels();
    Map<String, String> annotations = fields.annotations();
    Instant startsAt = fields.time("startsAt");
    Instant endsAt = fields.time("endsAt");
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
