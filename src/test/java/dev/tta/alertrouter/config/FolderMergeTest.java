package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.errorAt;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderMergeTest {
  @TempDir Path dir;

  @Test
  void teamFilesMergeWithTheMainFile() {
    Path main = write(dir, "routing.yml", """
        global:
          resolve_timeout: 2m
        route:
          receiver: default
        receivers:
          - name: default
        """);
    Path platform = write(dir, "teams/platform.yml", """
        teams:
          platform:
            receivers: {P1: [platform-team]}
        receivers:
          - name: platform-team
        """);
    Path cost = write(dir, "teams/cost.yaml", """
        global:
          smtp_from: alerts@tta.dev
        teams:
          cost:
            receivers: {P2: [cost-team]}
        receivers:
          - name: cost-team
        """);
    write(dir, "README.md", "not configuration");
    write(dir, ".git/config.yml", "this: is not read");

    RouterConfig c = loaded(load(dir));

    assertEquals(List.of(main, cost, platform), c.sources(), "every yml/yaml file, recursively, sorted by path");
    assertEquals(List.of("default", "cost-team", "platform-team"), c.receivers().stream().map(ReceiverConfig::name).toList());
    assertEquals(List.of("cost", "platform"), List.copyOf(c.teams().keySet()));
    assertEquals(java.time.Duration.ofMinutes(2), c.global().resolveTimeout());
    assertEquals("alerts@tta.dev", c.global().smtpFrom().orElseThrow(), "global merges key by key");
    assertEquals(cost.toString(), c.teams().get("cost").location().file());
  }

  @Test
  void sameKeyInTwoFilesIsAnErrorNamingBoth() {
    Path a = write(dir, "a.yml", """
        global:
          smtp_from: a@tta.dev
        route:
          receiver: default
        receivers:
          - name: default
        """);
    Path b = write(dir, "b.yml", """
        severity:
          label: level
        global:
          smtp_hello: b.tta.dev
          smtp_from: b@tta.dev
        """);
    LoadResult result = load(dir);

    ConfigError e = errorAt(result, "global.smtp_from");
    assertEquals(new SourceLocation(b.toString(), 5), e.location());
    assertEquals("defined in both " + a + ":2 and " + b + ":5", e.message());
    assertNull(result.config());
  }

  @Test
  void teamDefinedInTwoFilesIsAnErrorNamingBoth() {
    write(dir, "main.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        """);
    Path one = write(dir, "teams/one.yml", """
        teams:
          platform: {receivers: {P0: [default]}}
        """);
    Path two = write(dir, "teams/two.yml", """
        teams:
          platform: {receivers: {P1: [default]}}
        """);
    ConfigError e = errorAt(load(dir), "teams.platform");
    assertEquals(two.toString() + ":2", e.location().toString());
    assertEquals("defined in both " + one + ":2 and " + two + ":2", e.message());
  }

  @Test
  void routeInTwoFilesIsAnErrorNamingBoth() {
    Path a = write(dir, "a.yml", """
        route:
          receiver: default
        receivers:
          - name: default
        """);
    Path b = write(dir, "b.yml", """
        # the platform team's file
        route:
          receiver: default
        """);
    ConfigError e = errorAt(load(dir), "route");
    assertEquals(new SourceLocation(b.toString(), 2), e.location());
    assertEquals("defined in both " + a + ":1 and " + b + ":2; only one file may hold the route tree", e.message());
  }

  @Test
  void receiverDefinedInTwoFilesIsAnErrorNamingBoth() {
    Path a = write(dir, "a.yml", """
        route:
          receiver: default
        receivers:
          - name: default
        """);
    Path b = write(dir, "b.yml", """
        receivers:
          - name: other
          - name: default
        """);
    ConfigError e = errorAt(load(dir), "receivers[1].name");
    assertEquals(new SourceLocation(b.toString(), 3), e.location());
    assertEquals("receiver \"default\" is defined twice (first at " + a + ":4)", e.message());
  }

  @Test
  void timeIntervalDefinedInTwoFilesIsAnErrorNamingBoth() {
    Path a = write(dir, "a.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        time_intervals:
          - name: nights
            time_intervals: [{times: [{start_time: "00:00", end_time: "06:00"}]}]
        """);
    Path b = write(dir, "b.yml", """
        mute_time_intervals:
          - name: nights
        """);
    ConfigError e = errorAt(load(dir), "mute_time_intervals[0].name");
    assertEquals(new SourceLocation(b.toString(), 2), e.location());
    assertEquals("time interval \"nights\" is defined twice (first at " + a + ":4)", e.message());
  }

  @Test
  void folderWithoutYamlFilesIsAClearError() {
    write(dir, "notes.txt", "nothing here");
    LoadResult result = load(dir);
    assertEquals(List.of(dir + ": folder contains no *.yml or *.yaml files"),
        result.errors().stream().map(ConfigError::toString).toList());
  }

  @Test
  void missingPathIsAClearError() {
    Path missing = dir.resolve("routing-rules");
    LoadResult result = load(missing);
    assertEquals(List.of(missing + ": no such file or folder"), result.errors().stream().map(ConfigError::toString).toList());
    assertFalse(result.ok());
  }

  @Test
  void folderWithoutRouteSaysSo() {
    write(dir, "receivers.yml", "receivers: [{name: default}]\n");
    assertEquals("no route provided in config", errorAt(load(dir), "route").message());
  }
}
