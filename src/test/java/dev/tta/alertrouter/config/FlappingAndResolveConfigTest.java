package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.RouteOptions;
import dev.tta.alertrouter.routing.RouteTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flapping:} and {@code resolve:} on routes: off by default, inherited, checked. */
class FlappingAndResolveConfigTest {
  @TempDir Path dir;

  @Test
  void offByDefaultInheritedAndTurnedOffBelow() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          routes:
            - matchers: ['priority=~"P1|P2"']
              flapping: {max_changes: 6, window: 2h, stable_for: 45m}
              resolve: {send_when_muted: true, after_silence_expired: drop, min_firing_duration: 2m}
              routes:
                - matchers: ['team="web"']
                  flapping: {enabled: false}
                - matchers: ['team="db"']
        receivers: [{name: default}]
        """);
    RouteTree tree = RouteTree.of(loaded(load(file)).route());

    RouteOptions root = tree.match(Labels.of("priority", "P0")).get(0).options();
    assertEquals(FlappingRule.OFF, root.flapping());
    assertEquals(ResolveRule.DEFAULT, root.resolve());
    RouteOptions db = tree.match(Labels.of("priority", "P1", "team", "db")).get(0).options();
    assertEquals(new FlappingRule(true, 6, Duration.ofHours(2), Duration.ofMinutes(45), false), db.flapping());
    assertEquals(new ResolveRule(true, ResolveRule.AfterSilenceExpired.DROP, Duration.ofMinutes(2)), db.resolve());
    RouteOptions web = tree.match(Labels.of("priority", "P2", "team", "web")).get(0).options();
    assertEquals(false, web.flapping().enabled());
    assertEquals(db.resolve(), web.resolve(), "resolve inherited");
  }

  @Test
  void keysLeftOutTakeTheDefaults() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          flapping: {}
        receivers: [{name: default}]
        """);
    RouteTree tree = RouteTree.of(loaded(load(file)).route());

    assertEquals(new FlappingRule(true, 4, Duration.ofHours(1), Duration.ofMinutes(30), false),
        tree.root().options().flapping());
  }

  @Test
  void badValuesAreRefusedWithFileLineAndKey() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          routes:
            - matchers: ['team="web"']
              flapping:
                max_changes: 0
                window: 0s
                stable_for: soon
                hold_p0: maybe
                max_flaps: 3
              resolve:
                after_silence_expired: later
                min_firing_duration: -1m
        receivers: [{name: default}]
        """);

    List<String> errors = load(file).errors().stream().map(ConfigError::toString).toList();

    assertEquals(List.of(
        file + ":6: route.routes[0].flapping.max_changes: must be between 1 and 1000",
        file + ":7: route.routes[0].flapping.window: window must be longer than 0s",
        file + ":8: route.routes[0].flapping.stable_for: not a valid duration string: \"soon\" (use e.g. 30s, 5m, 1h30m, 1d)",
        file + ":9: route.routes[0].flapping.hold_p0: expected true or false, found \"maybe\"",
        file + ":10: route.routes[0].flapping.max_flaps: unknown key"),
        errors.subList(0, 5));
  }
}
