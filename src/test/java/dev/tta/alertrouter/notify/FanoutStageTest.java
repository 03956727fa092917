package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FanoutStageTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final List<Alert> alerts =
      List.of(new Alert(Labels.of("alertname", "TTAServiceDown"), Map.of(), NOW, null, "", NOW));

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void integrationsAreNotifiedSideBySide() {
    CountDownLatch pagerdutyNotified = new CountDownLatch(1);
    RecordingReceiver pagerduty = new RecordingReceiver();
    // Slack only completes once PagerDuty has been notified: run one after the other, this would
    // never succeed (the wait is bounded only so that a regression fails instead of hanging).
    FanoutStage fanout =
        new FanoutStage(
            List.of(
                new FanoutStage.Branch(
                    "slack[0]",
                    (context, in) -> {
                      awaitOrFail(pagerdutyNotified);
                      return in;
                    }),
                new FanoutStage.Branch(
                    "pagerduty[0]",
                    (context, in) -> {
                      pagerduty.apply(context, in);
                      pagerdutyNotified.countDown();
                      return in;
                    })),
            pool);

    assertEquals(alerts, fanout.apply(context(), alerts));
    assertEquals(1, pagerduty.notifications().size());
  }

  @Test
  void aFailedIntegrationFailsTheFlushAndIsNamed() {
    RecordingReceiver slack = new RecordingReceiver();
    RecordingReceiver pagerduty = new RecordingReceiver();
    pagerduty.failNext(1);
    FanoutStage fanout =
        new FanoutStage(
            List.of(
                new FanoutStage.Branch("slack[0]", slack),
                new FanoutStage.Branch("pagerduty[0]", pagerduty),
                new FanoutStage.Branch(
                    "email[0]",
                    (context, in) -> {
                      throw new IllegalStateException("bug");
                    })),
            pool);

    StageFailedException e = assertThrows(StageFailedException.class, () -> fanout.apply(context(), alerts));

    assertEquals(
        "pagerduty[0]: receiver critical unreachable; email[0]: unexpected IllegalStateException",
        e.getMessage());
    assertEquals(1, slack.notifications().size(), "the other integrations are still notified");
  }

  @Test
  void aReceiverWithoutIntegrationsSucceedsQuietly() {
    assertEquals(alerts, new FanoutStage(List.of(), pool).apply(context(), alerts));
  }

  private static void awaitOrFail(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new StageFailedException("branches ran one after the other");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StageFailedException("interrupted", e);
    }
  }

  private static FlushContext context() {
    return new FlushContext(
        "{}:{}", Labels.empty(), "critical", "{}", Duration.ofHours(4), Duration.ofMinutes(5), List.of(), List.of(), NOW);
  }
}
