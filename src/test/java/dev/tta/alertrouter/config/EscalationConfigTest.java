package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.routing.RouteTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code escalate:} on routes: read, inherited like the other route options, and checked. */
class EscalationConfigTest {
  @TempDir Path dir;

  @Test
  void stepsAreInheritedLikeOtherRouteOptionsAndAnEmptyListStopsThem() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          escalate: [{after: 5m, receiver: secondary}, {after: 1h, receiver: manager}]
          routes:
            - matchers: ['team="platform"']
            - matchers: ['team="web"']
              escalate: []
        receivers: [{name: default}, {name: secondary}, {name: manager}]
        """);
    RouteTree tree = RouteTree.of(loaded(load(file)).route());

    List<EscalationStep> expected = List.of(new EscalationStep(Duration.ofMinutes(5), "secondary"),
        new EscalationStep(Duration.ofHours(1), "manager"));
    assertEquals(expected, tree.match(Labels.of("team", "platform")).get(0).options().escalate());
    assertEquals(List.of(), tree.match(Labels.of("team", "web")).get(0).options().escalate());
    assertEquals(expected, tree.match(Labels.of("team", "db")).get(0).options().escalate(), "the root's own");
  }

  @Test
  void unknownReceiversAndStepsThatDoNotWaitLongerAreRefusedWithFileLineAndKey() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          routes:
            - matchers: ['team="platform"']
              escalate:
                - {after: 15m, receiver: secondary}
                - {after: 5m, receiver: manager}
                - {after: 15m, receiver: nobody}
                - {after: 0s, receiver: default}
                - {receiver: secondary}
        receivers: [{name: default}, {name: secondary}, {name: manager}]
        """);

    List<String> errors = load(file).errors().stream().map(ConfigError::toString).toList();

    assertEquals(List.of(
        file + ":7: route.routes[0].escalate[1].after: must be longer than the previous step's 15m",
        file + ":8: route.routes[0].escalate[2].after: must be longer than the previous step's 15m",
        file + ":8: route.routes[0].escalate[2].receiver: undefined receiver \"nobody\"",
        file + ":9: route.routes[0].escalate[3].after: must be longer than 0s",
        file + ":10: route.routes[0].escalate[4].after: an escalation step needs after: how long after the first notification",
        file + ":10: route.routes[0].escalate[4].receiver: receiver secondary is already an earlier step"),
        errors);
  }

  @Test
  void checkConfigPrintsTheSameErrors() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: default
          escalate: [{after: 5m, receiver: nobody}, {after: 5m, receiver: default}]
        receivers: [{name: default}]
        """);
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = dev.tta.alertrouter.cli.RootCommand.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));

    int exit = cl.execute("check-config", "--config", file.toString(), "--runbooks", dir.toString());

    assertEquals(1, exit);
    String printed = err.toString();
    org.junit.jupiter.api.Assertions.assertTrue(printed.contains(
        file + ":3: route.escalate[1].after: must be longer than the previous step's 5m"), printed);
    org.junit.jupiter.api.Assertions.assertTrue(printed.contains(
        file + ":3: route.escalate[0].receiver: undefined receiver \"nobody\""), printed);
  }
}
