package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.runbook.RunbookLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CheckConfigCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return Arrays.asList(err.split("\n"));
    }
  }

  static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run checkConfig(Map<String, String> env, String... args) {
    return run(new CommandLine(new CheckConfigCommand(env)), args);
  }

  static List<InvalidConfigCases> invalidCases() {
    return InvalidConfigCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidValueIsReportedWithFileLineAndKey(InvalidConfigCases c) throws IOException {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), c.yaml());

    Run r = checkConfig(Map.of(), "--config", file.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    String prefix = file + ":" + c.line() + ": " + (c.key().isEmpty() ? "" : c.key() + ": ");
    assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith(prefix) && l.contains(c.message())),
        "expected a line starting with \"" + prefix + "\" containing \"" + c.message() + "\", got:\n" + r.err());
  }

  @Test
  void everyErrorIsPrintedAtOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yml"), """
        route:
          receiver: nobody
          group_wait: soon
          routes:
            - matchers: ['a=~"("']
        receivers:
          - name: default
            pushover_configs: [{user_key: x, token: y}]
        """);

    Run r = checkConfig(Map.of(), "--config", file.toString());

    assertEquals(1, r.exitCode());
    assertEquals(List.of(
        "Checking '" + file + "'  FAILED: 4 errors",
        file + ":2: route.receiver: undefined receiver \"nobody\"",
        file + ":3: route.group_wait: not a valid duration string: \"soon\" (use e.g. 30s, 5m, 1h30m, 1d)",
        file + ":5: route.routes[0].matchers[0]: invalid regular expression \"(\": missing closing )",
        file + ":8: receivers[0].pushover_configs: pushover is not supported by alert-router (it supports discord,"
            + " email, msteams, msteamsv2, opsgenie, pagerduty, slack, telegram, webhook); remove this receiver's"
            + " pushover_configs or route its alerts elsewhere"), r.errLines());
  }

  @Test
  void goodConfigPrintsSummaryAndExitsZero() throws IOException {
    Files.createDirectories(dir.resolve("rules/teams"));
    Files.writeString(dir.resolve("rules/main.yml"), """
        route:
          receiver: default
          group_by: [alertname, cluster, service]
          routes:
            - matchers: ['severity="critical"']
              receiver: critical-alerts
        receivers:
          - name: default
            slack_configs: [{channel: '#tta-alerts', api_url: 'https://hooks.slack.com/services/x'}]
          - name: critical-alerts
            pagerduty_configs: [{routing_key: '${PAGERDUTY_ROUTING_KEY}'}]
        inhibit_rules:
          - source_matchers: [alertname="TTAServiceDown"]
            target_matchers: [alertname="TTAHighLatency"]
            equal: [service, environment]
        runbooks:
          url_template: https://runbooks.tta.dev/{alertname}
        """);
    Files.writeString(dir.resolve("rules/teams/platform.yml"), """
        teams:
          platform:
            receivers: {P1: [platform-team]}
        receivers:
          - name: platform-team
            email_configs: [{to: platform@tta.dev, from: alerts@tta.dev, smarthost: 'smtp.tta.dev:587'}]
        """);
    Files.createDirectories(dir.resolve("runbooks"));
    String config = dir.resolve("rules") + "/";

    Run r = checkConfig(Map.of(), "--config", config, "--runbooks", dir.resolve("runbooks").toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertEquals("""
        Checking '%s'  SUCCESS
        Found:
         - global config
         - route
         - 1 inhibit rules
         - 3 receivers
         - 0 templates
         - 0 time intervals
         - integrations: 1 slack, 1 pagerduty, 1 email
         - 1 teams
         - severity model: critical→P0, page→P0, warning→P1, info→P2; otherwise P2 (label "severity")
         - runbook links: https://runbooks.tta.dev/{alertname}
         - 2 files
         - 0 runbooks in %s
        Warnings:
         - receiver critical-alerts: pagerduty_configs[0].routing_key is unset; it will run in dry-run
        """.formatted(config, dir.resolve("runbooks")), r.out());
  }

  @Test
  void secretsNeverAppearInTheSummaryOrErrors() throws IOException {
    String token = "xoxb-very-secret-token";
    String password = "smtp-very-secret-password";
    Path good = Files.writeString(dir.resolve("good.yml"), """
        global:
          smtp_auth_password: ${SMTP_PASSWORD}
        route: {receiver: default}
        receivers:
          - name: default
            slack_configs: [{bot_token: '${SLACK_BOT_TOKEN}', channel: '#tta-alerts'}]
        """);
    Path bad = Files.writeString(dir.resolve("bad.yml"), """
        global:
          smtp_auth_password: ${SMTP_PASSWORD}
          slack_api_url: ${SLACK_BOT_TOKEN}
        route: {receiver: default}
        receivers:
          - name: default
            slack_configs: [{api_url: '${SLACK_BOT_TOKEN}'}]
        """);
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", token, "SMTP_PASSWORD", password);

    Run ok = checkConfig(env, "--config", good.toString());
    Run failed = checkConfig(env, "--config", bad.toString());

    assertEquals(0, ok.exitCode(), ok.err());
    assertEquals(1, failed.exitCode());
    assertTrue(failed.err().contains("global.slack_api_url: unsupported scheme for URL"), failed.err());
    for (Run r : List.of(ok, failed)) {
      assertFalse((r.out() + r.err()).contains(token), r.out() + r.err());
      assertFalse((r.out() + r.err()).contains(password), r.out() + r.err());
    }
  }

  @Test
  void missingRunbooksFolderIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("am.yml"), "route: {receiver: r}\nreceivers: [{name: r}]\n");
    Path missing = dir.resolve("runbooks");

    Run r = checkConfig(Map.of(), "--config", file.toString(), "--runbooks", missing.toString());

    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains(missing + ": --runbooks: no such folder"), r.err());
  }

  @Test
  void aWebConfigIsCheckedAsServeReadsIt() throws IOException {
    Path file = Files.writeString(dir.resolve("am.yml"), "route: {receiver: r}\nreceivers: [{name: r}]\n");
    Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: none.crt\n  key_file: none.key\n");

    Run r = checkConfig(Map.of(), "--config", file.toString(), "--web.config.file", web.toString());

    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains(web + ":2: tls_server_config.cert_file: cannot read file \"" + dir.resolve("none.crt")
        + "\": no such file"), r.err());
  }

  @Test
  void configDefaultsToRoutingRulesFolder() {
    Run r = checkConfig(Map.of());
    // Tests run in the checkout, which ships routing-rules/ (loading, with dry-run warnings).
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Checking 'routing-rules/'  SUCCESS"), r.out());
  }

  @Test
  void runbooksDefaultToTheRunbooksFolderAsConfigDoesToRoutingRules() throws IOException {
    // The checkout ships runbooks/ beside routing-rules/: without the flag both are found and checked.
    Run r = checkConfig(Map.of());
    int shipped = RunbookLoader.load(Path.of("runbooks")).runbooks().orElseThrow().all().size();
    assertTrue(shipped > 0, "the checkout ships runbooks");
    assertTrue(r.out().contains(" - " + shipped + " runbooks in runbooks"), r.out());
  }

  @Test
  void rootCommandRunsCheckConfig() throws IOException {
    Path file = Files.writeString(dir.resolve("am.yml"), "route: {receiver: r}\nreceivers: [{name: r}]\n");

    Run r = run(RootCommand.commandLine(), "check-config", "--config", file.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Checking '" + file + "'  SUCCESS\n"), r.out());
  }
}
