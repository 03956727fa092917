package dev.tta.alertrouter.replay;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.capture.CaptureRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded alert storm as Prometheus pushes it: {@code series} alert series (alertname × service ×
 * team × severity) that start and stop at random; every evaluation interval each firing series is
 * pushed with endsAt 4 intervals ahead, and a series that stopped is pushed once resolved. A storm
 * window (a third of the series firing at once) comes every few hours. Same seed, same capture.
 */
public final class StormCapture {
  public static final List<String> TEAMS = List.of("platform", "db", "web", "payments");
  private static final List<String> SEVERITIES = List.of("critical", "warning", "warning", "info");

  private final Random random;
  private final int series;
  private final Duration interval;

  public StormCapture(long seed, int series, Duration interval) {
    this.random = new Random(seed);
    this.series = series;
    this.interval = interval;
  }

  /** One payload per evaluation from {@code start} for {@code length}, each handed to {@code each}. */
  public void generate(Instant start, Duration length, Consumer<CaptureRecord> each) {
    List<Labels> labels = new ArrayList<>();
    for (int i = 0; i < series; i++) {
      String team = TEAMS.get(i % TEAMS.size());
      labels.add(Labels.of("alertname", "Alert" + (i % 37), "service", "svc-" + (i % 23), "team", team,
          "severity", SEVERITIES.get((i / 4) % SEVERITIES.size()), "instance", "host-" + i));
    }
    Map<Integer, Instant> firingSince = new LinkedHashMap<>();
    long steps = length.dividedBy(interval);
    for (long step = 0; step < steps; step++) {
      Instant now = start.plus(interval.multipliedBy(step));
      boolean storm = (step % 240) < 20;
      List<Alert> payload = new ArrayList<>();
      for (int i = 0; i < series; i++) {
        Instant since = firingSince.get(i);
        if (since == null) {
          if (random.nextDouble() < (storm && i % 3 == 0 ? 0.3 : 0.01)) {
            firingSince.put(i, now);
            payload.add(alert(labels.get(i), now, now, now.plus(interval.multipliedBy(4))));
          }
        } else if (random.nextDouble() < 0.05) {
          firingSince.remove(i);
          payload.add(alert(labels.get(i), since, now, now));
        } else {
          payload.add(alert(labels.get(i), since, now, now.plus(interval.multipliedBy(4))));
        }
      }
      if (!payload.isEmpty()) {
        each.accept(new CaptureRecord(now, "prometheus", payload));
      }
    }
  }

  public List<CaptureRecord> generate(Instant start, Duration length) {
    List<CaptureRecord> out = new ArrayList<>();
    generate(start, length, out::add);
    return out;
  }

  private static Alert alert(Labels labels, Instant startsAt, Instant now, Instant endsAt) {
    return new Alert(labels, Map.of("summary", labels.get("alertname") + " on " + labels.get("service")), startsAt,
        endsAt, "http://prometheus:9090/graph?g0.expr=up", now);
  }
}
