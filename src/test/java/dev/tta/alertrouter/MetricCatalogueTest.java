package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's metric catalogue, the Grafana dashboard and the self-monitoring rules all speak of the
 * metrics a running server really exposes, and of nothing else.
 */
class MetricCatalogueTest {
  private static final Pattern METRIC = Pattern.compile("\\b((?:alertrouter|jvm|process)_[a-z_]+)");
  private static final Set<String> SUFFIXES = Set.of("_bucket", "_count", "_sum");
  private static Set<String> exposed;

  @BeforeAll
  static void scrape(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), "route: {receiver: a}\nreceivers: [{name: a}]\n");
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    exposed = new TreeSet<>();
    // The registry, not one scrape: a labelled family shows in a scrape only once it has a series.
    try (App app = App.start(options, Clock.systemUTC(), Map.of())) {
      for (MetricSnapshot snapshot : app.metrics().scrape()) {
        String name = snapshot.getMetadata().getPrometheusName();
        exposed.add(snapshot instanceof CounterSnapshot ? name + "_total"
            : snapshot instanceof InfoSnapshot ? name + "_info" : name);
      }
    }
  }

  private static Set<String> referenced(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      for (String suffix : SUFFIXES) {
        if (name.endsWith(suffix) && !exposed.contains(name)) {
          name = name.substring(0, name.length() - suffix.length());
        }
      }
      names.add(name);
    }
    return names;
  }

  @Test
  void readmeCataloguesEveryAlertRouterMetricOnOneLineEach() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("\n## Metrics\n"));
    List<String> rows = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("| `alertrouter_")) {
        rows.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    Set<String> ours = new TreeSet<>(exposed);
    ours.removeIf(n -> !n.startsWith("alertrouter_"));

    assertEquals(ours, new TreeSet<>(rows));
    assertEquals(rows.size(), new HashSet<>(rows).size(), "one line per metric");
  }

  @Test
  void theDashboardQueriesOnlyExposedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/alert-router-dashboard.json").toFile());
    List<String> exprs = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
      if (!"row".equals(panel.path("type").asText())) {
        assertEquals("${datasource}", panel.at("/datasource/uid").asText(), panel.path("title").asText());
        assertTrue(panel.path("targets").size() > 0, panel.path("title").asText());
        panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
      }
    }
    Set<String> used = referenced(String.join("\n", exprs));
    Set<String> unknown = new TreeSet<>(used);
    unknown.removeAll(exposed);

    assertEquals(Set.of(), unknown);
    Set<String> decisions = Set.of("alertrouter_priority_assigned_total", "alertrouter_team_routed_total",
        "alertrouter_route_matched_total", "alertrouter_alerts_inhibited_total", "alertrouter_alerts_silenced_total",
        "alertrouter_alerts_time_muted_total", "alertrouter_notifications_total", "alertrouter_runbook_enrichments_total",
        "alertrouter_duplicates_suppressed_total");
    assertTrue(used.containsAll(decisions), "every decision has a panel: " + used);
  }

  @Test
  void theSelfMonitoringRulesWatchExposedMetrics() throws Exception {
    JsonNode rules = new YAMLMapper().readTree(Path.of("deploy/prometheus/rules/alert-router.yml").toFile());
    List<String> exprs = new ArrayList<>();
    rules.at("/groups/0/rules").forEach(r -> exprs.add(r.path("expr").asText()));
    Set<String> unknown = referenced(String.join("\n", exprs));
    unknown.removeAll(exposed);

    assertEquals(6, exprs.size());
    assertEquals(Set.of(), unknown);
  }
}
