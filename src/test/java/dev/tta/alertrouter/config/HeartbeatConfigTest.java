package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeats:}: what loads, and every mistake named by file, line and key. */
class HeartbeatConfigTest {
  @TempDir Path dir;

  @Test
  void aHeartbeatLoadsWithItsMatchersTimingsReceiverAndLabels() {
    Path file = write(dir, "am.yml", """
        route: {receiver: default}
        receivers: [{name: default}, {name: critical-alerts}]
        heartbeats:
          - name: prometheus-tta-production
            matchers: ['alertname="Watchdog"', 'cluster="tta-production"']
            expect_every: 2m
            grace: 1m
            receiver: critical-alerts
            priority: P0
            team: platform
          - name: nightly-backup
            matchers: ['alertname="BackupHeartbeat"']
            expect_every: 1d
            receiver: default
        """);

    RouterConfig config = loaded(load(file));

    HeartbeatConfig prometheus = config.heartbeat("prometheus-tta-production").orElseThrow();
    assertEquals(List.of(Matcher.equal("alertname", "Watchdog"), Matcher.equal("cluster", "tta-production")),
        prometheus.matchers());
    assertEquals(Duration.ofMinutes(3), prometheus.deadline());
    assertEquals("critical-alerts", prometheus.receiver());
    assertEquals(Optional.of(Priority.P0), prometheus.priority());
    assertEquals(Optional.of("platform"), prometheus.team());
    assertEquals(new SourceLocation(file.toString(), 4), prometheus.location());
    HeartbeatConfig backup = config.heartbeat("nightly-backup").orElseThrow();
    assertEquals(Duration.ZERO, backup.grace(), "grace defaults to none");
    assertEquals(Optional.empty(), backup.priority());
  }

  @Test
  void mistakesAreRefusedWithFileLineAndKey() {
    Path file = write(dir, "am.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        heartbeats:
          - name: prometheus
            matchers: ['alertname="Watchdog"']
            expect_every: 0s
            grace: -1m
            receiver: nobody
            priority: P7
          - name: prometheus
            matchers: ['alertname="Watchdog"']
            expect_every: 2m
            receiver: default
          - name: 'a b'
            expect_every: 2m
            receiver: default
            every: 2m
        """);

    List<String> errors = load(file).errors().stream().map(ConfigError::toString).toList();

    assertEquals(List.of(
        file + ":6: heartbeats[0].expect_every: must be positive",
        file + ":7: heartbeats[0].grace: not a valid duration string: \"-1m\" (use e.g. 30s, 5m, 1h30m, 1d)",
        file + ":8: heartbeats[0].receiver: undefined receiver \"nobody\"",
        file + ":9: heartbeats[0].priority: unknown priority \"P7\" (want P0, P1 or P2)",
        file + ":10: heartbeats[1].name: heartbeat \"prometheus\" is already defined at " + file + ":4",
        file + ":14: heartbeats[2].name: must be letters, digits, '_', '.' or '-' (it is a label value and a URL path segment)",
        file + ":14: heartbeats[2].matchers: a heartbeat needs matchers saying which firing alert keeps it alive",
        file + ":17: heartbeats[2].every: unknown key"),
        errors);
  }
}
