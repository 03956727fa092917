package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.RecordingReceiver.Notification;
import dev.tta.alertrouter.routing.RouteTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The group key, group labels and receiver a real Alertmanager 0.25 sent for the routes of {@code
 * alertmanager-used.yml}, reproduced by our dispatcher.
 */
class AlertmanagerGroupKeyTest {
  private static final Path FIXTURES = Fixtures.ALERTMANAGER;

  @Test
  void groupKeyIsTheOneAlertmanagerSends() throws IOException {
    JsonNode payload = new ObjectMapper().readTree(FIXTURES.resolve("webhook-firing-truncated.json").toFile());
    // alertmanager-used.yml's route tree, as written there.
    RouteTree tree =
        RouteTree.of(
            TestRoutes.node(
                "router",
                List.of("alertname", "service"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofHours(1),
                false,
                List.of(),
                List.of(
                    TestRoutes.node(
                        "router-truncated", null, null, null, null, false, List.of("truncate=\"yes\""), List.of()))));
    ManualClock clock = new ManualClock(Instant.parse(payload.get("alerts").get(0).get("startsAt").asText()));
    ManualScheduler scheduler = new ManualScheduler(clock);
    RecordingReceiver receiver = new RecordingReceiver();
    Dispatcher dispatcher = new Dispatcher(tree, receiver, scheduler, clock);

    for (JsonNode alert : payload.get("alerts")) {
      dispatcher.process(
          new Alert(
              Labels.of(strings(alert.get("labels"))),
              strings(alert.get("annotations")),
              Instant.parse(alert.get("startsAt").asText()),
              null,
              alert.get("generatorURL").asText(),
              clock.instant()));
    }
    scheduler.advance(Duration.ofSeconds(1));

    List<Notification> sent = receiver.notifications();
    assertEquals(1, sent.size());
    FlushContext context = sent.get(0).context();
    assertEquals(payload.get("groupKey").asText(), context.groupKey());
    assertEquals(payload.get("receiver").asText(), context.receiver());
    assertEquals(Labels.of(strings(payload.get("groupLabels"))), context.groupLabels());
    assertEquals(
        List.of("fe5fb97ad4395ee8", "48db393e086a8035"),
        sent.get(0).alerts().stream().map(a -> a.fingerprint().toString()).toList(),
        "the fixture's fingerprints, in the order Alertmanager sent them");
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
