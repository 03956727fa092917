package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.FlappingRule;
import dev.tta.alertrouter.config.InhibitRuleConfig;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.config.SlackConfig;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteOptions;
import dev.tta.alertrouter.routing.RouteTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code routing-rules/}: its cases pass, and it routes every alert exactly as the seed's
 * Alertmanager setup (DESIGN.md, "The seed's setup", kept as {@code seed/alertmanager.yml}) does.
 */
class ShippedRoutingRulesTest {
  private static final Path RULES = Path.of("routing-rules");
  private static final Path CASES = RULES.resolve("tests.yml");
  private static final Path SEED = Path.of("src/test/resources/seed/alertmanager.yml");
  /** The heartbeat's alerts, which the seed had no dead-man's switch for: its cases differ on purpose. */
  private static final List<String> HEARTBEAT_ALERTS = List.of("Watchdog", "HeartbeatMissing");

  private static RouterConfig load(Path path) {
    LoadResult result = new ConfigLoader(Map.of()).load(path);
    assertTrue(result.ok(), () -> path + ": " + result.errors());
    return result.config();
  }

  @Test
  void shippedCasesPassThroughTheRoutesTestCommand() throws Exception {
    int cases = RoutingCasesFile.read(CASES).size();

    CommandRun run = CommandRun.of("routes", "test", "--config", RULES.toString(), "--cases", CASES.toString());

    assertEquals("", run.err());
    assertEquals(cases + " passed, 0 failed\n", run.out());
    assertEquals(0, run.exitCode());
    assertTrue(cases >= 25, cases + " cases");
  }

  @Test
  void shippedRulesPassCheckConfigWithOnlyUnsetSecretWarnings() {
    CheckConfigCommandTest.Run run = CheckConfigCommandTest.checkConfig(Map.of(), "--config", RULES.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(" - 2 teams"), run.out());
    run.out().lines().filter(l -> l.startsWith(" - receiver ")).forEach(
        warning -> assertTrue(warning.endsWith("is unset; it will run in dry-run"), warning));
  }

  @Test
  void everyShippedCaseIsWhatAmtoolAnswersForTheSeedsAlertmanagerTree() throws Exception {
    AmtoolRoutes amtool = AmtoolRoutes.require();
    List<String> mismatches = new ArrayList<>();
    for (RoutingCase c : RoutingCasesFile.read(CASES)) {
      if (HEARTBEAT_ALERTS.contains(c.labels().get("alertname"))) {
        continue;
      }
      List<String> args = new ArrayList<>();
      c.labels().forEach((name, value) -> args.add(name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
      String seed = amtool.test(SEED, args);
      if (!seed.equals(String.join(",", c.expect()) + "\n")) {
        mismatches.add("line " + c.line() + " " + c.labels() + ": seed routes to " + seed.strip());
      }
    }
    assertEquals(List.of(), mismatches);
  }

  /** Every combination of the labels the routes look at, with and without a priority the rule set. */
  @Test
  void shippedRulesTakeEveryAlertToTheSeedsRoutesWithTheSeedsTiming() {
    RouteTree seed = RouteTree.of(load(SEED).route());
    EffectiveRoutes shipped = EffectiveRoutes.of(load(RULES));
    String[] severities = {null, "", "critical", "page", "warning", "info", "disaster"};
    String[] teams = {null, "", "platform", "cost-optimization", "payments"};
    String[] priorities = {null, "P0", "P1", "P2", "bogus"};
    int compared = 0;
    for (String alertname : List.of("TTAServiceDown", "TTAHighLatency")) {
      for (String severity : severities) {
        for (String team : teams) {
          for (String priority : priorities) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("alertname", alertname);
            map.put("service", "api");
            putIfSet(map, "severity", severity);
            putIfSet(map, "team", team);
            putIfSet(map, "priority", priority);
            Labels labels = Labels.of(map);
            assertEquals(describe(seed.match(labels)), describe(shipped.tree().match(shipped.classify(labels))),
                labels.toString());
            compared++;
          }
        }
      }
    }
    assertEquals(2 * 7 * 5 * 5, compared);
  }

  @Test
  void shippedReceiversAndInhibitionAreTheSeeds() {
    RouterConfig rules = load(RULES);

    assertEquals(List.of("#tta-alerts"), slackChannels(rules.receiver("default").orElseThrow()));
    ReceiverConfig critical = rules.receiver("critical-alerts").orElseThrow();
    assertEquals(List.of("#tta-critical"), slackChannels(critical));
    assertEquals(1, critical.pagerDutyConfigs().size());
    assertEquals(List.of("#tta-cost-optimization"), slackChannels(rules.receiver("cost-team").orElseThrow()));
    ReceiverConfig platform = rules.receiver("platform-team").orElseThrow();
    assertEquals(1, platform.emailConfigs().size());
    assertTrue(platform.slackConfigs().isEmpty() && platform.pagerDutyConfigs().isEmpty());
    ReceiverConfig watchdog = rules.receiver("watchdog").orElseThrow();
    assertTrue(watchdog.slackConfigs().isEmpty() && watchdog.pagerDutyConfigs().isEmpty()
        && watchdog.emailConfigs().isEmpty(), "the Watchdog's own receiver sends nothing");
    assertEquals(5, rules.receivers().size());

    assertEquals(inhibition(load(SEED)), inhibition(rules));
  }

  private static void putIfSet(Map<String, String> map, String name, String value) {
    if (value != null) {
      map.put(name, value);
    }
  }

  /** What decides an alert's groups and notifications: each route's key and resolved options. */
  /** The routes and their options, flap detection left out: the seed has none, the shipped rules add it. */
  private static List<String> describe(List<Route> routes) {
    return routes.stream().map(r -> r.key() + " " + withoutFlapping(r.options())).toList();
  }

  private static RouteOptions withoutFlapping(RouteOptions o) {
    return new RouteOptions(o.receiver(), o.groupBy(), o.groupByAll(), o.groupWait(), o.groupInterval(),
        o.repeatInterval(), o.muteTimeIntervals(), o.activeTimeIntervals(), o.escalate(), o.shadow(),
        FlappingRule.OFF, o.resolve());
  }

  @Test
  void shippedRulesDetectFlappingForP1AndP2ButNotOnTheCriticalRoute() {
    EffectiveRoutes shipped = EffectiveRoutes.of(load(RULES));
    for (String severity : List.of("warning", "info")) {
      FlappingRule rule = shipped.tree().match(shipped.classify(Labels.of("alertname", "A", "severity", severity)))
          .get(0).options().flapping();
      assertEquals(new FlappingRule(true, 4, Duration.ofHours(1), Duration.ofMinutes(30), false), rule, severity);
    }
    assertEquals(false, shipped.tree().match(shipped.classify(Labels.of("alertname", "A", "severity", "critical")))
        .get(0).options().flapping().enabled());
  }

  private static List<String> slackChannels(ReceiverConfig receiver) {
    return receiver.slackConfigs().stream().map(SlackConfig::channel).map(c -> c.orElse("")).toList();
  }

  private static List<String> inhibition(RouterConfig config) {
    return config.inhibitRules().stream()
        .map((InhibitRuleConfig r) -> r.sourceMatchers() + " " + r.targetMatchers() + " " + r.equal())
        .toList();
  }
}
