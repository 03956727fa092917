package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.config.SeverityConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code check-config} prints for a good configuration, modelled on {@code amtool check-config}. */
final class ConfigSummary {
  private ConfigSummary() {}

  static List<String> lines(String path, LoadResult result) {
    RouterConfig c = result.config();
    List<String> lines = new ArrayList<>();
    lines.add("Checking '" + path + "'  SUCCESS");
    lines.add("Found:");
    lines.add(" - global config");
    lines.add(" - route");
    lines.add(" - " + c.inhibitRules().size() + " inhibit rules");
    lines.add(" - " + c.receivers().size() + " receivers");
    lines.add(" - " + c.templates().size() + " templates");
    lines.add(" - " + c.timeIntervals().size() + " time intervals");
    lines.add(" - integrations: " + integrations(c.receivers()));
    lines.add(" - " + c.teams().size() + " teams");
    lines.add(" - severity model: " + severity(c.severity()));
    c.runbooks().urlTemplate().ifPresent(t -> lines.add(" - runbook links: " + t));
    lines.add(" - " + c.sources().size() + (c.sources().size() == 1 ? " file" : " files"));
    if (!result.warnings().isEmpty()) {
      lines.add("Warnings:");
      result.warnings().forEach(w -> lines.add(" - " + w));
    }
    return lines;
  }

  /** How many integrations of each type the receivers have, e.g. {@code 2 slack, 1 telegram}; types in a fixed order. */
  static String integrations(List<ReceiverConfig> receivers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ReceiverConfig r : receivers) {
      add(counts, "slack", r.slackConfigs().size());
      add(counts, "pagerduty", r.pagerDutyConfigs().size());
      add(counts, "email", r.emailConfigs().size());
      add(counts, "webhook", r.webhookConfigs().size());
      add(counts, "msteams", r.msteamsV1Configs().size());
      add(counts, "msteamsv2", r.msteamsV2Configs().size());
      add(counts, "opsgenie", r.opsgenieConfigs().size());
      add(counts, "discord", r.discordConfigs().size());
      add(counts, "telegram", r.telegramConfigs().size());
    }
    String listed = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return listed.isEmpty() ? "none" : listed;
  }

  private static void add(Map<String, Integer> counts, String type, int n) {
    counts.merge(type, n, Integer::sum);
  }

  private static String severity(SeverityConfig s) {
    String levels = s.levels().entrySet().stream()
        .map(e -> e.getKey() + "→" + e.getValue())
        .collect(Collectors.joining(", "));
    return (levels.isEmpty() ? "no levels" : levels) + "; otherwise " + s.defaultPriority()
        + " (label \"" + s.label() + "\")";
  }
}
