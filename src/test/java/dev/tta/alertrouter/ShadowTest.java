package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.explain.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shadow: true on a route or a receiver: everything runs, the notification is recorded, counted, explained, not sent. */
class ShadowTest {
  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;

  @BeforeEach
  void peer() throws Exception {
    peer = new PeerWebhook();
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    peer.close();
  }

  private String config() {
    return """
        route:
          receiver: live
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 1h
          routes:
            - matchers: ['team="db"']
              receiver: trial
              shadow: true
              continue: true
            - matchers: ['team="db"']
              receiver: live
            - matchers: ['team="web"']
              receiver: new-web
        receivers:
          - name: live
            webhook_configs: [{url: '%s', send_resolved: true}]
          - name: trial
            webhook_configs: [{url: '%s', send_resolved: true}]
          - name: new-web
            shadow: true
            webhook_configs: [{url: '%s', send_resolved: true}]
        """.formatted(peer.url("/live"), peer.url("/trial"), peer.url("/new-web"));
  }

  @Test
  void shadowRoutesAndReceiversRunEverythingButSendNothing() throws Exception {
    h = EngineHarness.of(dir, config());
    Alert db = h.firing("alertname", "DiskFull", "team", "db");
    Alert web = h.firing("alertname", "Slow", "team", "web");
    h.receive(db, web);
    h.advance(Duration.ofSeconds(30));

    // Only the live route's notification reached a peer.
    assertEquals(1, peer.accepted().size(), peer.accepted().toString());
    assertTrue(PeerWebhook.carries(peer.accepted().get(0), "DiskFull"));
    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_notifications_total", "receiver", "live", "integration", "webhook", "outcome", "sent"));
    assertEquals(0.0, s.value("alertrouter_notifications_total", "receiver", "trial", "integration", "webhook", "outcome", "sent"));
    assertEquals(0.0, s.value("alertrouter_notifications_total", "receiver", "new-web", "integration", "webhook", "outcome", "sent"));
    assertEquals(1.0, s.value("alertrouter_shadow_notifications_total", "receiver", "trial", "integration", "webhook"));
    assertEquals(1.0, s.value("alertrouter_shadow_notifications_total", "receiver", "new-web", "integration", "webhook"));

    // Explained: the shadow notification is part of the alert's story.
    List<Decision> story = h.explain.explain(web.fingerprint()).orElseThrow().decisions();
    assertTrue(story.stream().anyMatch(d -> d.summary().contains("shadow")), story.toString());
    assertTrue(h.jsonLog().contains("\"outcome\":\"shadow\""), h.jsonLog());

    // Dedup runs for shadows too: nothing new, nothing recorded again before repeat_interval.
    h.advance(Duration.ofMinutes(10));
    s = h.samples();
    assertEquals(1.0, s.value("alertrouter_shadow_notifications_total", "receiver", "trial", "integration", "webhook"));
    h.advance(Duration.ofHours(1));
    s = h.samples();
    assertEquals(2.0, s.value("alertrouter_shadow_notifications_total", "receiver", "trial", "integration", "webhook"));
    assertEquals(2, peer.accepted().size(), "the live route repeats, the shadows still send nothing");
  }
}
