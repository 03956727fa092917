package dev.tta.alertrouter.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The series of a one-label counter, each looked up once. {@code Counter.labelValues} builds and
 * compares a list of the values at every call, which shows on the per-alert path of a storm; the
 * values here come from the configuration, so the map stays as small as the counter's own. A series
 * is never removed from these counters, so a point once looked up stays the one exposed.
 */
final class CounterPoints {
  private final Counter counter;
  private final ConcurrentMap<String, CounterDataPoint> points = new ConcurrentHashMap<>();

  CounterPoints(Counter counter) {
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  /** The series of {@code value}, created at 0 the first time. */
  CounterDataPoint of(String value) {
    CounterDataPoint point = points.get(value);
    return point != null ? point : points.computeIfAbsent(value, v -> counter.labelValues(v));
  }
}
