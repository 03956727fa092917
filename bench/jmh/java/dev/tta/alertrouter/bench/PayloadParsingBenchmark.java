package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.ParseResult;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing a 100-alert payload, both formats; the score is per alert. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PayloadParsingBenchmark.ALERTS)
public class PayloadParsingBenchmark {
  static final int ALERTS = 100;

  private PrometheusPushParser prometheus;
  private AlertmanagerWebhookParser alertmanager;
  private byte[] push;
  private byte[] webhook;

  @Setup
  public void setUp() {
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    prometheus = new PrometheusPushParser(clock, Duration.ofMinutes(5));
    alertmanager = new AlertmanagerWebhookParser(clock);
    push = StormAlerts.prometheusPush(0, ALERTS, now, now.plus(Duration.ofMinutes(4)));
    webhook = StormAlerts.alertmanagerWebhook(0, ALERTS, now);
    check(prometheus.parse(push));
    check(alertmanager.parse(webhook));
  }

  private static void check(ParseResult result) {
    if (!(result instanceof ParseResult.Batch batch) || batch.alerts().size() != ALERTS || !batch.problems().isEmpty()) {
      throw new IllegalStateException("benchmark payload does not parse cleanly: " + result);
    }
  }

  @Benchmark
  public ParseResult prometheusPush() {
    return prometheus.parse(push);
  }

  @Benchmark
  public ParseResult alertmanagerWebhook() {
    return alertmanager.parse(webhook);
  }
}
