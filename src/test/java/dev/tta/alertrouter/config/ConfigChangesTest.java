package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigChangesTest {
  static final String OLD = """
      route:
        receiver: default
        group_by: [alertname]
        routes:
          - matchers: ['severity="critical"']
            receiver: pager
          - matchers: ['team="db"']
            receiver: db
      inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [service]
      time_intervals:
        - name: nights
          time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]
      receivers:
        - name: default
        - name: pager
          slack_configs: [{api_url: 'https://hooks.slack.com/services/OLDSECRET', channel: '#pager'}]
        - name: db
      teams:
        web: {receivers: {P0: [pager], P1: [default], P2: [default]}}
      """;

  @TempDir Path dir;

  List<ConfigChange> changes(String before, String after) {
    RouterConfig b = TestConfigs.loaded(TestConfigs.load(TestConfigs.write(dir, "old/am.yml", before)));
    RouterConfig a = TestConfigs.loaded(TestConfigs.load(TestConfigs.write(dir, "new/am.yml", after)));
    return ConfigChanges.between(b, a);
  }

  @Test
  void theSameConfigurationWithLinesMovedIsNoChange() {
    assertEquals(List.of(), changes(OLD, "# a comment moves every line\n\n" + OLD));
  }

  @Test
  void theShippedRulesLoadedTwiceAreTheSame() {
    RouterConfig once = TestConfigs.loaded(TestConfigs.load(Path.of("routing-rules"), java.util.Map.of(
        "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/X", "PAGERDUTY_ROUTING_KEY", "k")));
    RouterConfig twice = TestConfigs.loaded(TestConfigs.load(Path.of("routing-rules"), java.util.Map.of(
        "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/X", "PAGERDUTY_ROUTING_KEY", "k")));
    assertEquals(List.of(), ConfigChanges.between(once, twice), "no object is compared by identity");
  }

  @Test
  void namesEachChangeWithWhereItIsWrittenAndMasksSecrets() {
    String after = OLD
        .replace("receiver: pager\n    - matchers: ['team=\"db\"']\n      receiver: db",
            "receiver: pager\n      repeat_interval: 10m\n    - matchers: ['team=\"web\"']\n      receiver: db")
        .replace("OLDSECRET", "NEWSECRET")
        .replace("equal: [service]", "equal: [service, cluster]")
        .replace("end_time: '06:00'", "end_time: '07:00'")
        .replace("P1: [default]", "P1: [pager]");
    List<ConfigChange> changes = changes(OLD, after);
    String text = changes.stream().map(ConfigChange::toString).collect(Collectors.joining("\n"));
    assertFalse(text.contains("SECRET"), text);
    assertFalse(text.contains("hooks.slack.com"), text);

    ConfigChange critical = find(changes, "route", "{}/{severity=\"critical\"}", "changed");
    assertTrue(critical.location().endsWith("new/am.yml:5"), critical.toString());
    assertEquals(List.of("repeatInterval: null -> PT10M"), critical.details());
    assertTrue(find(changes, "route", "{}/{team=\"db\"}", "removed").location().endsWith("old/am.yml:7"));
    assertTrue(find(changes, "route", "{}/{team=\"web\"}", "added").location().endsWith("new/am.yml:8"));

    ConfigChange pager = find(changes, "receiver", "pager", "changed");
    assertEquals(List.of("slackConfigs[0].apiUrl: secret changed"), pager.details());

    assertEquals(2, changes.stream().filter(c -> c.section().equals("inhibit_rule")).count(), text);
    assertTrue(find(changes, "inhibit_rule", "source [severity=\"critical\"] target [severity=\"warning\"] equal [service, cluster]", "added")
        .location().endsWith("new/am.yml:11"), text);
    ConfigChange nights = find(changes, "time_interval", "nights", "changed");
    assertEquals(1, nights.details().size(), nights.toString());
    assertTrue(nights.details().get(0).contains("1440") || nights.details().get(0).contains("->"), nights.toString());
    ConfigChange web = find(changes, "team", "web", "changed");
    assertEquals(List.of("receivers[P1][0]: default -> pager"), web.details());
    assertEquals(8, changes.size(), text);
  }

  static ConfigChange find(List<ConfigChange> changes, String section, String name, String kind) {
    return changes.stream().filter(c -> c.section().equals(section) && c.name().equals(name) && c.kind().equals(kind))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + section + " " + name + " in\n"
            + changes.stream().map(ConfigChange::toString).collect(Collectors.joining("\n"))));
  }
}
