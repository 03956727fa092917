package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.explain.DecisionLog;
import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.metrics.DecisionMetrics;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.store.Upserted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the observer does with copies the store reports as repeats when the explain record is full. */
class DecisionObserverRepeatsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void aRepeatWithoutARememberedStoryIsCountedAsADuplicateAndEvictsNone() {
    ManualClock clock = new ManualClock(T0);
    RouterMetrics metrics = new RouterMetrics("test");
    ExplainRecorder explain = new ExplainRecorder(1);
    DecisionObserver observer = new DecisionObserver(new DecisionMetrics(metrics), explain,
        new DecisionLog(LogFormat.JSON, new PrintStream(new ByteArrayOutputStream(), true)), clock);
    Alert remembered = new Alert(Labels.of("alertname", "A"), Map.of(), T0, null, "", T0);
    Alert other = new Alert(Labels.of("alertname", "B"), Map.of(), T0, null, "", T0);
    observer.received(Upserted.allNews(List.of(remembered)));

    BitSet repeats = new BitSet();
    repeats.set(0);
    observer.received(new Upserted(List.of(other), repeats));
    observer.received(new Upserted(List.of(other), repeats));

    assertTrue(explain.explain(remembered.fingerprint()).isPresent(), "the remembered story stays");
    assertTrue(explain.explain(other.fingerprint()).isEmpty(), "a repeat starts no story when the record is full");
    assertEquals(2.0, MetricSamples.parse(new String(metrics.expose("text/plain").body(), StandardCharsets.UTF_8))
        .value("alertrouter_duplicates_suppressed_total", "stage", "intake"));
  }
}
