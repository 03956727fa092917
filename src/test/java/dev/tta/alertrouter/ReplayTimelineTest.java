package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.config.CaptureSettings;
import dev.tta.alertrouter.replay.CaptureSource;
import dev.tta.alertrouter.replay.ReplayRun;
import dev.tta.alertrouter.replay.SentNotification;
import dev.tta.alertrouter.replay.StormCapture;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import dev.tta.alertrouter.store.Upserted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live run on the manual clock that made a capture, and the replay of that capture, take the
 * same group_wait, group_interval and repeat_interval decisions: the same notifications, to the
 * same receivers and integrations, of the same groups and alerts, at the same instants.
 */
class ReplayTimelineTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String CONFIG = """
      route:
        receiver: default
        group_by: [alertname, service]
        group_wait: 30s
        group_interval: 2m
        repeat_interval: 20m
        routes:
          - matchers: ['severity="critical"']
            receiver: pager
            group_wait: 0s
            group_interval: 1m
            repeat_interval: 7m
            continue: true
          - matchers: ['team="db"']
            receiver: db
            group_by: ['...']
            group_wait: 45s
      inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [service]
      receivers:
        - name: default
          webhook_configs: [{url: 'http://hooks.test/default', send_resolved: true}]
        - name: pager
          webhook_configs: [{url: 'http://hooks.test/pager', send_resolved: true}, {url: 'http://hooks.test/pager2', send_resolved: false}]
        - name: db
          webhook_configs: [{url: 'http://hooks.test/db', send_resolved: false}]
      """;

  @TempDir Path dir;

  @Test
  void theReplayedTimelineTakesTheLiveRunsTimingDecisions() throws Exception {
    List<String> live = new ArrayList<>();
    Path data = dir.resolve("data");
    try (EngineHarness h = EngineHarness.dryRun(dir, CONFIG)) {
      InMemoryAlertStore store = new InMemoryAlertStore(h.clock, (stale, held) -> {});
      CaptureWriter capture = new CaptureWriter(CaptureSegments.open(data, CaptureSettings::defaults, h.clock), 100_000,
          r -> { throw new AssertionError("dropped"); });
      // Intake as the server runs it: store, capture, hand on; time moves only between payloads.
      for (CaptureRecord payload : new StormCapture(23, 60, Duration.ofSeconds(50)).generate(EngineHarness.T0, Duration.ofHours(4))) {
        h.scheduler.advanceTo(payload.receivedAt());
        Upserted upserted = store.upsertAll(payload.alerts());
        capture.offer(new CaptureRecord(h.clock.instant(), payload.source(), payload.alerts()));
        h.observer.received(upserted);
        h.engine.accept(upserted);
      }
      h.advance(Replayer.DEFAULT_TAIL);
      capture.close();
      for (String line : h.jsonLog().lines().toList()) {
        JsonNode n = JSON.readTree(line);
        if (n.path("msg").asText().startsWith("notification ")) {
          assertEquals("dry_run", n.get("outcome").asText());
          List<String> fps = new ArrayList<>();
          n.get("fingerprints").forEach(f -> fps.add(f.asText()));
          fps.sort(null);
          live.add(n.get("ts").asText() + " " + n.get("receiver").asText() + " " + n.get("integration").asText()
              + "[" + n.get("index").asInt() + "] " + n.get("group_key").asText() + " " + fps);
        }
      }
    }
    assertTrue(live.size() > 300, "the live run must notify a lot: " + live.size());

    List<CaptureRecord> captured = new ArrayList<>();
    CaptureSegments.forReading(data).read(Instant.EPOCH, captured::add);
    ReplayRun replayed = Replayer.load(Files.writeString(dir.resolve("replay.yml"), CONFIG), Map.of())
        .run(CaptureSource.of(captured), Replayer.DEFAULT_TAIL);
    List<String> replay = new ArrayList<>();
    for (SentNotification n : replayed.notifications()) {
      List<String> fps = new ArrayList<>(n.firing());
      fps.addAll(n.resolved());
      fps.sort(null);
      replay.add(n.at() + " " + n.receiver() + " " + n.integration() + " " + n.groupKey() + " " + fps);
    }
    live.sort(null);
    replay.sort(null);
    assertEquals(live, replay);
  }
}
