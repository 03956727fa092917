package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofHours(120));
  private final List<Alert> alerts =
      List.of(new Alert(Labels.of("alertname", "TTAServiceDown"), Map.of(), NOW, null, "", NOW));

  @Test
  void eachFlushReachesTheReceiverItIsFor() {
    RecordingReceiver team = new RecordingReceiver();
    RecordingReceiver critical = new RecordingReceiver();
    Stage pipeline =
        new PipelineBuilder(log, Runnable::run)
            .receiver("team", List.of(new Integration("slack", 0, true, team)))
            .receiver("critical", List.of(new Integration("pagerduty", 0, true, critical)))
            .build();

    pipeline.apply(context("critical"), alerts);

    assertEquals(0, team.notifications().size());
    assertEquals(1, critical.notifications().size());
  }

  @Test
  void muteStagesRunInOrderBeforeDedup() {
    List<String> ran = new ArrayList<>();
    RecordingReceiver slack = new RecordingReceiver();
    Stage pipeline =
        new PipelineBuilder(log, Runnable::run)
            .mute(record(ran, "inhibit"))
            .mute(record(ran, "time intervals"))
            .mute((context, in) -> List.of()) // a silence muting everything
            .mute(record(ran, "never reached"))
            .receiver("team", List.of(new Integration("slack", 0, true, slack)))
            .build();

    pipeline.apply(context("team"), alerts);

    assertEquals(List.of("inhibit", "time intervals"), ran);
    assertEquals(0, slack.notifications().size());
    assertEquals(0, log.size(), "a muted flush notifies nobody and logs nothing");
  }

  @Test
  void aFlushForAnUnknownReceiverFails() {
    Stage pipeline = new PipelineBuilder(log, Runnable::run).build();

    StageFailedException e = assertThrows(StageFailedException.class, () -> pipeline.apply(context("nobody"), alerts));
    assertEquals("no pipeline for receiver nobody", e.getMessage());
  }

  @Test
  void aReceiverOrIntegrationDefinedTwiceIsRefused() {
    RecordingReceiver slack = new RecordingReceiver();
    PipelineBuilder builder = new PipelineBuilder(log, Runnable::run).receiver("team", List.of());

    assertEquals(
        "receiver team is defined twice",
        assertThrows(IllegalArgumentException.class, () -> builder.receiver("team", List.of())).getMessage());
    assertEquals(
        "receiver other has two integrations named slack[0]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    builder.receiver(
                        "other",
                        List.of(new Integration("slack", 0, true, slack), new Integration("slack", 0, false, slack))))
            .getMessage());
  }

  private static Stage record(List<String> ran, String name) {
    return (context, in) -> {
      ran.add(name);
      return in;
    };
  }

  private static FlushContext context(String receiver) {
    return new FlushContext(
        "{}:{}", Labels.empty(), receiver, "{}", Duration.ofHours(4), Duration.ofMinutes(5), List.of(), List.of(), NOW);
  }
}
