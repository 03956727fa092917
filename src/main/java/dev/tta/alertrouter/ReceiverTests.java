package dev.tta.alertrouter;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.ReceiverCheck;
import dev.tta.alertrouter.notify.slack.InMemorySlackMessageStore;
import dev.tta.alertrouter.notify.template.Templates;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test notifications of a receiver ({@code POST /api/v1/receivers/{name}/test}, {@code alert-router
 * test-receiver}): one synthetic alert through each of its integrations, answered per integration
 * and counted apart ({@code alertrouter_test_notifications_total}), never part of a group.
 */
public final class ReceiverTests {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverTests.class);

  private final Integrations integrations;
  private final Supplier<RouterConfig> config;
  private final boolean dryRun;
  private final Clock clock;
  private final RouterMetrics metrics;

  ReceiverTests(Integrations integrations, Supplier<RouterConfig> config, boolean dryRun, Clock clock, RouterMetrics metrics) {
    this.integrations = Objects.requireNonNull(integrations, "integrations");
    this.config = Objects.requireNonNull(config, "config");
    this.dryRun = dryRun;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = metrics;
  }

  /**
   * For the command line: the receivers of the configuration at {@code configPath}, with the
   * default templates and links to {@code externalUrl}.
   *
   * @throws ConfigException naming every configuration error
   */
  public static ReceiverTests standalone(Path configPath, URI externalUrl, boolean dryRun, Map<String, String> environment)
      throws ConfigException {
    Templates templates = new Templates((receiver, integration, template, reason) -> {});
    AppOptions options = new AppOptions(configPath, Optional.empty(), "127.0.0.1", 0, Path.of("unused"), dryRun, externalUrl);
    LoadedConfig loaded = LoadedConfig.load(new ConfigLoader(environment), templates, options);
    Clock clock = Clock.systemUTC();
    Integrations integrations = new Integrations(externalUrl, DeliveryRuntime.system(event -> {}, dryRun), templates,
        new InMemorySlackMessageStore(), new RateLimiter(clock, Duration.ofSeconds(1), 1),
        new RateLimiter(clock, Duration.ofSeconds(1), 1));
    return new ReceiverTests(integrations, loaded::config, dryRun, clock, null);
  }

  /** The receivers that can be tested, by name. */
  public List<String> receivers() {
    return config.get().receivers().stream().map(ReceiverConfig::name).toList();
  }

  /**
   * Sends the synthetic alert ({@code labels}, or {@code alertname="AlertRouterTestNotification"}
   * when empty) through every integration of {@code receiver}.
   *
   * @return one result per integration, in configuration order; empty when no receiver has that name
   */
  public Optional<List<ReceiverCheck.Result>> test(String receiver, Labels labels) {
    Optional<ReceiverConfig> found = config.get().receivers().stream().filter(r -> r.name().equals(receiver)).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Notification notification = ReceiverCheck.notification(receiver, labels, clock.instant());
    List<ReceiverCheck.Result> results = integrations.sendOnce(found.get(), dryRun, notification);
    for (ReceiverCheck.Result r : results) {
      if (metrics != null) {
        metrics.testNotification(receiver, r.type(), r.outcome().wireName());
      }
      LOG.info("test notification: receiver={} integration={} outcome={}", receiver, r.integration(), r.outcome().wireName());
    }
    return Optional.of(results);
  }
}
