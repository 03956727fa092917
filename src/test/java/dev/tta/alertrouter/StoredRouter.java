package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.Backoff;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.ManualSleeper;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.slack.InMemorySlackMessageStore;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.persistence.Persistence;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.Upserted;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One router process on a real SQLite store, wired as {@link App} wires it, on a test's manual clock
 * and scheduler: closing it and building another on the same folder is a restart. Tests add the
 * parts they exercise (heartbeats, reminders) on top.
 */
final class StoredRouter implements AutoCloseable {
  final Persistence persistence;
  final ExplainRecorder explain = new ExplainRecorder(100);
  final DecisionObserver observer;
  final Silences silences;
  final Integrations integrations;
  final LoadedConfig loaded;
  final RoutingEngine engine;

  /**
   * @param deliveryStart where the clock of delivery retries starts (it moves on its own: the
   *     scheduler sets its clock to each flush's due time and would refuse to go back)
   */
  StoredRouter(Path config, Path data, ManualClock clock, ManualScheduler scheduler, Instant deliveryStart)
      throws ConfigException {
    persistence = Persistence.open(data, clock, StaleAlertListener.IGNORE);
    observer = new DecisionObserver(new DecisionMetrics(new RouterMetrics("test")), explain,
        new DecisionLog(LogFormat.JSON, new PrintStream(OutputStream.nullOutputStream())), clock);
    silences = new Silences(persistence.silences(), clock, Duration.ofHours(120));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, data, false,
        URI.create("http://alert-router.test"));
    Templates templates = new Templates((receiver, integration, template, reason) -> {});
    loaded = LoadedConfig.load(new ConfigLoader(Map.of()), templates, options);
    ManualClock deliveryClock = new ManualClock(deliveryStart);
    DeliveryRuntime runtime = new DeliveryRuntime(deliveryClock, new ManualSleeper(deliveryClock), new Random(7),
        Backoff.defaults(), ConcurrencyLimits.defaults(), observer, false);
    Acknowledgements acks = new Acknowledgements(persistence.acks(), groupKey -> Optional.empty(), observer, clock);
    integrations = new Integrations(options.externalUrl(), runtime, templates, new InMemorySlackMessageStore(),
        new RateLimiter(deliveryClock, Duration.ofSeconds(1), 1), new RateLimiter(deliveryClock, Duration.ofSeconds(1), 1));
    engine = RoutingEngine.build(loaded, new RoutingEngine.Services(clock, silences, persistence.notificationLog(),
        scheduler, Runnable::run, integrations, observer, persistence.flushGuard(), acks, persistence.escalations(),
        persistence.alerts()::get));
    engine.accept(persistence.alerts().list(List.of()));
  }

  /** What {@code App.onAccepted} does with a stored batch: recorded, then handed to the dispatcher. */
  Upserted accept(Upserted upserted) {
    observer.received(upserted);
    engine.accept(upserted);
    return upserted;
  }

  @Override
  public void close() {
    engine.close();
    persistence.close();
  }
}
