package dev.tta.alertrouter.config;

import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.cli.RootCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A file under teams/ routes only its own team's alerts and names only its own receivers. */
class TeamGuardrailsTest {
  @TempDir Path dir;
  Path main;
  Path platform;

  @BeforeEach
  void files() {
    main = write(dir, "main.yml", """
        route: {receiver: default}
        receivers:
          - name: default
          - name: critical-alerts
        """);
    platform = write(dir, "teams/platform.yml", """
        teams:
          platform:
            receivers: {P0: [platform-team], P1: [platform-team]}
        receivers:
          - name: platform-team
        """);
  }

  List<String> errors() {
    return load(dir).errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void teamsThatKeepToThemselvesLoad() {
    write(dir, "teams/db.yml", """
        teams:
          db:
            receivers: {P0: [db-team]}
        receivers:
          - name: db-team
        """);
    assertEquals(List.of("db", "platform"), List.copyOf(loaded(load(dir)).teams().keySet()).stream().sorted().toList());
  }

  @Test
  void namingAnotherTeamsReceiverIsAnErrorNamingBothFiles() {
    Path db = write(dir, "teams/db.yml", """
        teams:
          db:
            receivers: {P0: [db-team], P1: [platform-team]}
        receivers:
          - name: db-team
        """);
    assertEquals(List.of(db + ":2: teams.db.receivers: names receiver \"platform-team\" defined in " + platform
        + ":5; a team file may only name the receivers it defines itself"), errors());
  }

  @Test
  void namingASharedReceiverOfTheMainFileIsAnErrorToo() {
    Path db = write(dir, "teams/db.yml", """
        teams:
          db:
            receivers: {P0: [critical-alerts]}
        """);
    assertEquals(List.of(db + ":2: teams.db.receivers: names receiver \"critical-alerts\" defined in " + main
        + ":4; a team file may only name the receivers it defines itself"), errors());
  }

  @Test
  void routingAnotherTeamsAlertsIsAnErrorNamingBothFiles() {
    Path db = write(dir, "teams/db.yml", """
        teams:
          db:
            value: platform
            receivers: {P0: [db-team]}
        receivers:
          - name: db-team
        """);
    List<String> errors = errors();
    assertTrue(errors.contains(db + ":2: teams.db.value: routes team=\"platform\", not its own team's alerts (team=\"db\");"
        + " those are team platform's (" + platform + ":2)"), errors.toString());
    assertTrue(errors.contains(db + ":2: teams.db: routes the same alerts (team=\"platform\") as team platform (" + platform + ":2)"),
        errors.toString());
  }

  @Test
  void defininganotherTeamOrTheRouteTreeInATeamFileIsAnError() {
    Path db = write(dir, "teams/db.yml", """
        teams:
          web:
            receivers: {P0: [web-team]}
        receivers:
          - name: web-team
        """);
    assertEquals(List.of(db + ":2: teams.web: a team file may only define its own team \"db\" (its file name)"), errors());

    write(dir, "main.yml", "receivers: [{name: default}, {name: critical-alerts}]\n");
    Path web = write(dir, "teams/db.yml", """
        route: {receiver: db-team}
        teams:
          db:
            receivers: {P0: [db-team]}
        receivers:
          - name: db-team
        """);
    assertEquals(List.of(web + ":1: route: the route tree belongs to the main configuration, not to a team file"
        + " (a team routes through its teams: section)"), errors());
  }

  @Test
  void aTeamFilesInhibitionRulesMuteOnlyItsOwnAlerts() {
    Path db = write(dir, "teams/db.yml", """
        teams:
          db:
            receivers: {P0: [db-team]}
        receivers:
          - name: db-team
        inhibit_rules:
          - source_matchers: ['alertname="DbDown"', 'team="db"']
            target_matchers: ['team="db"', 'severity="warning"']
            equal: [cluster]
          - source_matchers: ['alertname="DbDown"']
            target_matchers: ['severity="warning"']
            equal: [cluster]
        """);
    assertEquals(List.of(db + ":10: inhibit_rules: an inhibition rule in a team file may only mute its own team's alerts:"
        + " its target_matchers must include team=\"db\" (team db, " + db + ":2)"), errors());
  }

  @Test
  void aSingleFileWithManyTeamsIsNotATeamFile() {
    Path single = write(dir, "one/teams/all.yml", """
        route: {receiver: default}
        receivers: [{name: default}]
        teams:
          a: {value: b, receivers: {P0: [default]}}
        """);
    assertTrue(load(single).ok(), load(single).errors().toString());
  }

  @Test
  void checkConfigForOneTeamCountsOnlyItsOwnFile() {
    write(dir, "teams/db.yml", """
        teams:
          db:
            receivers: {P0: [db-team]}
        receivers:
          - name: db-team
        """);
    write(dir, "teams/web.yml", """
        teams:
          web:
            receivers: {P0: [platform-team]}
        """);
    String[] db = run("check-config", "--config", dir.toString(), "--team", "db");
    assertEquals("0", db[0], db[2]);
    assertTrue(db[1].contains("Checking team 'db' in '" + dir + "'  SUCCESS"), db[1]);
    assertTrue(db[1].contains(" - 1 error elsewhere in the configuration"), db[1]);
    String[] web = run("check-config", "--config", dir.toString(), "--team", "web");
    assertEquals("1", web[0], web[1]);
    assertTrue(web[2].contains("names receiver \"platform-team\" defined in " + platform), web[2]);
    String[] nobody = run("check-config", "--config", dir.toString(), "--team", "nobody");
    assertEquals("1", nobody[0], nobody[1]);
    assertTrue(nobody[2].contains("--team: no team \"nobody\" is defined in teams/nobody.yml"), nobody[2]);
  }

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }
}
