package dev.tta.alertrouter.config;

import dev.tta.alertrouter.Fixtures;
import static dev.tta.alertrouter.config.TestConfigs.load;
import static dev.tta.alertrouter.config.TestConfigs.loaded;
import static dev.tta.alertrouter.config.TestConfigs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path FIXTURE = Fixtures.ALERTMANAGER_CONFIG;
  private static final Path FULL = Path.of("src/test/resources/config/alertmanager-full.yml");

  @TempDir Path dir;

  @Test
  void alertmanagerFixtureLoadsUnchanged() {
    LoadResult result = load(FIXTURE);
    RouterConfig c = loaded(result);

    assertEquals(List.of(), result.warnings());
    assertEquals(List.of(FIXTURE), c.sources());
    RouteConfig root = c.route();
    assertEquals("router", root.receiver());
    assertEquals(List.of("alertname", "service"), root.groupBy());
    assertEquals(Duration.ofSeconds(1), root.groupWait());
    assertEquals(Duration.ofSeconds(2), root.groupInterval());
    assertEquals(Duration.ofHours(1), root.repeatInterval());
    assertEquals(1, root.location().line());
    RouteConfig child = root.routes().get(0);
    assertEquals("router-truncated", child.receiver());
    assertEquals(List.of(Matcher.equal("truncate", "yes")), child.matchers());
    assertNull(child.groupBy(), "inherited, not filled in by the loader");
    assertNull(child.groupWait());

    WebhookConfig router = c.receiver("router").orElseThrow().webhookConfigs().get(0);
    assertEquals("http://127.0.0.1:18080/router", router.url().orElseThrow().reveal());
    assertTrue(router.sendResolved());
    assertEquals(0, router.maxAlerts());
    WebhookConfig truncated = c.receiver("router-truncated").orElseThrow().webhookConfigs().get(0);
    assertEquals(2, truncated.maxAlerts());
    assertEquals(new SourceLocation(FIXTURE.toString(), 13), c.receiver("router-truncated").orElseThrow().location());
  }

  @Test
  void realisticAlertmanagerConfigLoadsEverySection() {
    LoadResult result = load(FULL);
    RouterConfig c = loaded(result);

    GlobalConfig g = c.global();
    assertEquals(Duration.ofMinutes(5), g.resolveTimeout());
    assertEquals(Optional.of(new HostPort("smtp.tta.dev", 587)), g.smtpSmarthost());
    assertEquals("alertmanager.tta.dev", g.smtpHello());

    RouteConfig root = c.route();
    assertEquals(4, root.routes().size());
    RouteConfig critical = root.routes().get(0);
    assertEquals(List.of(Matcher.equal("severity", "critical")), critical.matchers());
    assertTrue(critical.continueMatching());
    assertEquals(Duration.ZERO, critical.groupWait());
    assertEquals(Duration.ofMinutes(5), critical.repeatInterval());
    assertEquals(List.of("business-hours"), root.routes().get(1).activeTimeIntervals());
    RouteConfig cost = root.routes().get(2);
    // match_re is kept anchored, as Alertmanager 0.25 keeps and prints it (amtool config routes show).
    assertEquals(List.of(Matcher.regex("team", "^(?:cost-.*)$")), cost.matchers());
    assertEquals(List.of("maintenance"), cost.muteTimeIntervals());
    // Alertmanager sorts `matchers:` by name: alertname before env, whatever the order written.
    assertEquals("[alertname=~\"Cache.*\", env!=\"dev\"]", cost.routes().get(0).matchers().toString());
    assertEquals(List.of("..."), cost.routes().get(0).groupBy());

    SlackConfig defaultSlack = c.receiver("default").orElseThrow().slackConfigs().get(0);
    assertEquals("https://hooks.slack.com/services/T000/B000/GLOBALXXXXXXXX",
        defaultSlack.apiUrl().orElseThrow().reveal(), "global slack_api_url applied");
    assertEquals(Optional.of("#tta-alerts"), defaultSlack.channel());
    assertTrue(defaultSlack.sendResolved());
    assertEquals(List.of(new SlackConfig.Field("Service", "{{ .CommonLabels.service }}", Optional.of(true))),
        defaultSlack.fields());
    assertEquals(Optional.of("https://runbooks.tta.dev"), defaultSlack.actions().get(0).url());
    assertEquals(SlackConfig.DEFAULT_API_BASE_URL, defaultSlack.apiBaseUrl());

    ReceiverConfig criticalAlerts = c.receiver("critical-alerts").orElseThrow();
    assertEquals("https://hooks.slack.com/services/T000/B000/CRITICALXXXXXX",
        criticalAlerts.slackConfigs().get(0).apiUrl().orElseThrow().reveal());
    assertFalse(criticalAlerts.slackConfigs().get(0).sendResolved(), "Alertmanager's default for Slack");
    PagerDutyConfig pd = criticalAlerts.pagerDutyConfigs().get(0);
    assertEquals("0123456789abcdef0123456789abcdef", pd.routingKey().orElseThrow().reveal());
    assertEquals(GlobalConfig.DEFAULT_PAGERDUTY_URL, pd.url());
    assertTrue(pd.sendResolved());
    assertEquals(Map.of("summary", "{{ .CommonAnnotations.summary }}"), pd.details());
    assertEquals(List.of(new PagerDutyConfig.Link("https://grafana.tta.dev", Optional.of("Grafana"))), pd.links());

    EmailConfig email = c.receiver("platform-team").orElseThrow().emailConfigs().get(0);
    assertEquals("platform@tta.dev", email.to());
    assertEquals("alertmanager@tta.dev", email.from(), "global smtp_from applied");
    assertEquals(Optional.of(new HostPort("smtp.tta.dev", 587)), email.smarthost());
    assertEquals(Optional.of("alertmanager"), email.authUsername());
    assertEquals("not-a-real-password", email.authPassword().orElseThrow().reveal());
    assertEquals("alertmanager.tta.dev", email.hello());
    assertTrue(email.requireTls());
    assertEquals(Map.of("Subject", "[{{ .Status }}] {{ .CommonLabels.alertname }}"), email.headers());

    WebhookConfig hook = c.receiver("cost-team").orElseThrow().webhookConfigs().get(0);
    assertEquals(10, hook.maxAlerts());
    HttpAuth.Bearer bearer = (HttpAuth.Bearer) hook.httpConfig().auth().orElseThrow();
    assertEquals("not-a-real-token", bearer.token().reveal());
    assertEquals(0, c.receiver("blackhole").orElseThrow().integrationCount(), "no integrations is allowed");

    InhibitRuleConfig first = c.inhibitRules().get(0);
    assertEquals(List.of(Matcher.equal("alertname", "TTAServiceDown")), first.sourceMatchers());
    assertEquals(List.of(Matcher.equal("alertname", "TTAHighLatency")), first.targetMatchers());
    assertEquals(List.of("service", "environment"), first.equal());
    InhibitRuleConfig legacy = c.inhibitRules().get(1);
    assertEquals(List.of(Matcher.equal("severity", "critical")), legacy.sourceMatchers());
    // target_match_re, like match_re, stays anchored as Alertmanager 0.25 keeps it.
    assertEquals(List.of(Matcher.regex("severity", "^(?:warning|info)$")), legacy.targetMatchers());

    TimeIntervalSpec hours = c.timeIntervals().get("business-hours").intervals().get(0);
    assertEquals(List.of(new TimeIntervalSpec.TimeRange(9 * 60, 17 * 60)), hours.times());
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(1, 5)), hours.weekdays());
    assertEquals(ZoneId.of("Europe/Berlin"), hours.location());
    TimeIntervalSpec maintenance = c.timeIntervals().get("maintenance").intervals().get(0);
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(6, 6), new TimeIntervalSpec.InclusiveRange(0, 0)),
        maintenance.weekdays());
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(1, 5), new TimeIntervalSpec.InclusiveRange(-3, -1)),
        maintenance.daysOfMonth());
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(1, 3), new TimeIntervalSpec.InclusiveRange(12, 12)),
        maintenance.months());
    assertEquals(List.of(new TimeIntervalSpec.InclusiveRange(2024, 2030)), maintenance.years());
    assertEquals(ZoneOffset.UTC, maintenance.location());

    assertEquals(List.of("/etc/alertmanager/templates/*.tmpl"), c.templates());
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("Go templates are not used by alert-router")),
        result.warnings().toString());
    assertEquals(SeverityConfig.defaults(), c.severity());
    assertEquals(Map.of(), c.teams());
    assertEquals(ServerSettings.defaults(), c.server());
  }

  @Test
  void alertRouterSectionsLoad() {
    Path file = write(dir, "router.yml", """
        route:
          receiver: default
        receivers:
          - name: default
          - name: critical-alerts
          - name: platform-team
        severity:
          label: level
          levels: {sev1: P0, sev2: P1}
          default: P1
        teams:
          platform:
            receivers: {P0: [critical-alerts, platform-team], P1: platform-team}
            group_by: [alertname, service]
            group_wait: 30s
          cost-optimization:
            label: owner
            value: cost
            repeat_interval: 4h
        runbooks:
          url_template: https://runbooks.tta.dev/{alertname}
        server:
          max_request_size: 512KiB
          resolved_retention: 1h
          intake_auth: {bearer_token: intake-token}
          admin_auth: {basic_auth: {username: admin, password: admin-password}}
        """);
    RouterConfig c = loaded(load(file));

    assertEquals("level", c.severity().label());
    assertEquals(Map.of("sev1", Priority.P0, "sev2", Priority.P1), c.severity().levels());
    assertEquals(Priority.P1, c.severity().priorityOf("unknown"));
    TeamConfig platform = c.teams().get("platform");
    assertEquals("team", platform.label());
    assertEquals("platform", platform.value());
    assertEquals(Map.of(Priority.P0, List.of("critical-alerts", "platform-team"), Priority.P1, List.of("platform-team")),
        platform.receivers());
    assertEquals(List.of("alertname", "service"), platform.groupBy());
    assertEquals(Duration.ofSeconds(30), platform.groupWait());
    assertNull(platform.groupInterval());
    TeamConfig cost = c.teams().get("cost-optimization");
    assertEquals("owner", cost.label());
    assertEquals("cost", cost.value());
    assertNull(cost.groupBy());
    assertEquals(Duration.ofHours(4), cost.repeatInterval());
    assertEquals(List.of("platform", "cost-optimization"), List.copyOf(c.teams().keySet()));
    assertEquals(Optional.of("https://runbooks.tta.dev/{alertname}"), c.runbooks().urlTemplate());
    assertEquals(512 * 1024, c.server().maxRequestBytes());
    assertEquals(Duration.ofHours(1), c.server().resolvedRetention());
    assertTrue(((HttpAuth.Bearer) c.server().intakeAuth().orElseThrow()).token().matches("intake-token"));
    HttpAuth.Basic admin = (HttpAuth.Basic) c.server().adminAuth().orElseThrow();
    assertEquals("admin", admin.username());
    assertTrue(admin.password().matches("admin-password"));
  }

  @Test
  void sizesAcceptBytesAndUnits() {
    for (var size : Map.of("1048576", 1048576L, "10MiB", 10L << 20, "2 KB", 2000L, "1GiB", 1L << 30).entrySet()) {
      Path file = write(dir, "size.yml", """
          route: {receiver: r}
          receivers: [{name: r}]
          server: {max_request_size: %s}
          """.formatted(size.getKey()));
      assertEquals(size.getValue(), loaded(load(file)).server().maxRequestBytes(), size.getKey());
    }
  }

  @Test
  void yamlAnchorsAndMergeKeysWork() {
    Path file = write(dir, "anchors.yml", """
        route:
          receiver: a
        receivers:
          - name: a
            webhook_configs:
              - &hook
                url: http://127.0.0.1:9000/a
                max_alerts: 3
              - <<: *hook
                max_alerts: 7
        """);
    List<WebhookConfig> hooks = loaded(load(file)).receiver("a").orElseThrow().webhookConfigs();
    assertEquals(3, hooks.get(0).maxAlerts());
    assertEquals(7, hooks.get(1).maxAlerts(), "an explicit key wins over the merged one");
    assertEquals("http://127.0.0.1:9000/a", hooks.get(1).url().orElseThrow().reveal());
  }

  @Test
  void emptyGroupByInheritsAsInAlertmanager() {
    Path file = write(dir, "am.yml", """
        route:
          receiver: r
          group_by: [alertname]
          routes:
            - receiver: r
              group_by: []
        receivers: [{name: r}]
        """);
    assertNull(loaded(load(file)).route().routes().get(0).groupBy());
  }

  @Test
  void durationsFollowPrometheusSyntax() {
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofDays(1), Durations.parse("1d"));
    assertEquals(Duration.ofDays(7), Durations.parse("1w"));
    assertEquals(Duration.ofDays(365), Durations.parse("1y"));
    assertEquals(Duration.ZERO, Durations.parse("0"));
    assertEquals(Duration.ofMinutes(5).plusMillis(10), Durations.parse("5m10ms"));
    for (String bad : new String[] {"", "1.5h", "30m1h", "-1s", "1 h", "5M", "10"}) {
      try {
        Durations.parse(bad);
        throw new AssertionError("accepted " + bad);
      } catch (IllegalArgumentException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    }
  }
}
