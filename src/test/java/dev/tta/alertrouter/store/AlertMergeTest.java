package dev.tta.alertrouter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMergeTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void overlappingMergeKeepsTheFingerprintTheAlertArrivedWith() {
    Labels received = Labels.of("alertname", "Disk", "instance", "a");
    Alert arrived = new Alert(received, Map.of(), T0, T0.plusSeconds(240), "", T0, false);
    // The copy the dispatcher holds: the priority label added, the fingerprint kept (Alert.withDerivedLabels).
    Alert held = arrived.withDerivedLabels(received.with("priority", "P1"));
    // A copy that says it started a little later overlaps the held one: Alertmanager's Merge runs.
    Alert resent = arrived.withTimes(T0.plusSeconds(10), T0.plusSeconds(300), T0.plusSeconds(60))
        .withDerivedLabels(received.with("priority", "P1"));
    assertNotEquals(held.labels().fingerprint(), held.fingerprint());

    Alert merged = AlertMerge.combine(held, resent, T0.plusSeconds(60)).stored();

    assertEquals(T0, merged.startsAt());
    assertEquals(T0.plusSeconds(300), merged.endsAt());
    assertEquals(arrived.fingerprint(), merged.fingerprint());
  }
}
