package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.InMemoryAckStore;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Placement;
import dev.tta.alertrouter.escalation.InMemoryEscalationStore;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.mute.InMemorySilenceStore;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.InMemoryNotificationLog;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.replay.CaptureSource;
import dev.tta.alertrouter.replay.OutcomeRecorder;
import dev.tta.alertrouter.replay.ReplayRun;
import dev.tta.alertrouter.severity.Classification;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import dev.tta.alertrouter.store.Upserted;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs captured payloads through the whole pipeline of one configuration — the real store merge,
 * classifier, route tree, dispatcher, inhibition, time intervals, dedup and notification log — on
 * their own recorded timeline: a {@link ManualClock} and {@link ManualScheduler} move from payload to
 * payload, firing every group_wait, group_interval and repeat_interval timer due on the way. The
 * integrations record what they would send ({@link RecordingIntegrations}); nothing leaves the process.
 * Silences are not part of a capture: a replay runs without any.
 */
public final class Replayer {
  /** After the last payload the timeline runs this much longer, for the flushes it still owes. */
  public static final Duration DEFAULT_TAIL = Duration.ofMinutes(10);

  private static final Duration RETENTION = Duration.ofHours(120);
  private static final Duration GARBAGE_COLLECTION = Duration.ofMinutes(1);

  private final LoadedConfig loaded;

  private Replayer(LoadedConfig loaded) {
    this.loaded = loaded;
  }

  /**
   * Loads a configuration (a file or a folder) as {@code serve} does, runbooks left out.
   *
   * @throws ConfigException naming every error
   */
  public static Replayer load(Path config, Map<String, String> environment) throws ConfigException {
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, Path.of("replay"), true,
        URI.create("http://alert-router.replay"));
    Templates templates = new Templates((receiver, integration, template, reason) -> {});
    return new Replayer(LoadedConfig.load(new ConfigLoader(environment), templates, options));
  }

  static Replayer of(LoadedConfig loaded) {
    return new Replayer(loaded);
  }

  /** Replays {@code capture} in order and returns what was decided and what would have been sent. */
  public ReplayRun run(CaptureSource capture, Duration tail) throws IOException {
    OutcomeRecorder recorder = new OutcomeRecorder();
    Run run = new Run(recorder);
    try {
      capture.forEach(run::accept);
      if (run.engine == null) {
        return recorder.result(0, Instant.EPOCH, Instant.EPOCH);
      }
      run.scheduler.advance(tail);
      return recorder.result(run.payloads, run.from, run.clock.instant());
    } finally {
      if (run.engine != null) {
        run.engine.close();
      }
    }
  }

  /** One replay: the engine and its simulated time, begun at the first payload. */
  private final class Run {
    final OutcomeRecorder recorder;
    ManualClock clock;
    ManualScheduler scheduler;
    InMemoryAlertStore store;
    RoutingEngine engine;
    Instant from;
    long payloads;

    Run(OutcomeRecorder recorder) {
      this.recorder = recorder;
    }

    void accept(CaptureRecord record) {
      if (engine == null) {
        begin(record.receivedAt());
      }
      scheduler.advanceTo(record.receivedAt());
      payloads++;
      List<Alert> alerts = record.alerts();
      if (alerts.isEmpty()) {
        return;
      }
      Upserted upserted = store.upsertAll(alerts);
      if (!upserted.stored().isEmpty()) {
        engine.accept(upserted);
      }
    }

    private void begin(Instant first) {
      from = first;
      clock = new ManualClock(first);
      scheduler = new ManualScheduler(clock);
      store = new InMemoryAlertStore(clock, (stale, held) -> {});
      DecisionObserver observer = new DecisionObserver(new DecisionMetrics(new RouterMetrics("replay")),
          new ExplainRecorder(0), new DecisionLog(LogFormat.TEXT, new PrintStream(OutputStream.nullOutputStream())),
          clock, new Tap(recorder));
      // Acknowledgements are people's, not traffic's: a replay has none, so escalation steps replay as
      // they would with nobody answering.
      Function<Fingerprint, Optional<Alert>> stored = store::get;
      Acknowledgements acks = new Acknowledgements(new InMemoryAckStore(),
          groupKey -> engine.group(groupKey, stored, clock.instant()), observer, clock);
      engine = RoutingEngine.build(loaded, new RoutingEngine.Services(clock,
          new Silences(new InMemorySilenceStore(), clock, RETENTION), new InMemoryNotificationLog(RETENTION),
          scheduler, Runnable::run, new RecordingIntegrations(recorder), observer, (context, alerts) -> alerts,
          acks, new InMemoryEscalationStore(), stored));
      collectGarbageEveryMinute();
    }

    private void collectGarbageEveryMinute() {
      scheduler.schedule(GARBAGE_COLLECTION, () -> {
        engine.collectGarbage(clock.instant());
        collectGarbageEveryMinute();
      });
    }
  }

  /** Routing and muting decisions, into the recorder. */
  private record Tap(OutcomeRecorder recorder) implements DecisionTap {
    @Override
    public void routed(Alert alert, Classification classification, List<Placement> placements) {
      Map<String, String> groups = new LinkedHashMap<>();
      for (Placement p : placements) {
        groups.put(p.groupKey(), p.route().receiver());
      }
      recorder.routed(alert.fingerprint().toString(), alert.labels().toString(), classification.priority().name(), groups);
    }

    @Override
    public void muted(Alert alert, String how) {
      recorder.muted(alert.fingerprint().toString(), how);
    }
  }
}
