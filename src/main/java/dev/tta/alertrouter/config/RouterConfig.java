package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole, validated configuration: Alertmanager's sections plus alert-router's own. Every name a
 * route or a team refers to is defined; secrets are {@link Secret}s, never plain strings.
 *
 * @param timeIntervals by name, from {@code time_intervals} and {@code mute_time_intervals}
 * @param templates Alertmanager template globs, kept but not used
 * @param teams by name, in the order written
 * @param tracing {@code tracing:}, off when absent
 * @param sources the files read, in the order they were merged
 * @param heartbeats dead-man's switches, in the order written
 * @param maintenance silences kept in git ({@code maintenance:}), in the order written
 */
public record RouterConfig(
    GlobalConfig global,
    RouteConfig route,
    List<ReceiverConfig> receivers,
    List<InhibitRuleConfig> inhibitRules,
    Map<String, TimeIntervalConfig> timeIntervals,
    List<String> templates,
    SeverityConfig severity,
    Map<String, TeamConfig> teams,
    RunbookSettings runbooks,
    ServerSettings server,
    TracingSettings tracing,
    List<Path> sources,
    List<HeartbeatConfig> heartbeats,
    List<MaintenanceWindow> maintenance) {

  public RouterConfig {
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(route, "route");
    receivers = List.copyOf(receivers);
    inhibitRules = List.copyOf(inhibitRules);
    timeIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(timeIntervals));
    templates = List.copyOf(templates);
    Objects.requireNonNull(severity, "severity");
    teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
    Objects.requireNonNull(runbooks, "runbooks");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(tracing, "tracing");
    sources = List.copyOf(sources);
    heartbeats = List.copyOf(heartbeats);
    maintenance = List.copyOf(maintenance);
  }

  /** A configuration without maintenance windows. */
  public RouterConfig(GlobalConfig global, RouteConfig route, List<ReceiverConfig> receivers,
      List<InhibitRuleConfig> inhibitRules, Map<String, TimeIntervalConfig> timeIntervals, List<String> templates,
      SeverityConfig severity, Map<String, TeamConfig> teams, RunbookSettings runbooks, ServerSettings server,
      TracingSettings tracing, List<Path> sources, List<HeartbeatConfig> heartbeats) {
    this(global, route, receivers, inhibitRules, timeIntervals, templates, severity, teams, runbooks, server,
        tracing, sources, heartbeats, List.of());
  }

  /** A configuration without heartbeats. */
  public RouterConfig(GlobalConfig global, RouteConfig route, List<ReceiverConfig> receivers,
      List<InhibitRuleConfig> inhibitRules, Map<String, TimeIntervalConfig> timeIntervals, List<String> templates,
      SeverityConfig severity, Map<String, TeamConfig> teams, RunbookSettings runbooks, ServerSettings server,
      List<Path> sources) {
    this(global, route, receivers, inhibitRules, timeIntervals, templates, severity, teams, runbooks, server,
        TracingSettings.off(), sources, List.of(), List.of());
  }

  public Optional<HeartbeatConfig> heartbeat(String name) {
    return heartbeats.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  public Optional<ReceiverConfig> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Every Slack signing secret configured: the global one and each {@code slack_configs} entry's,
   * distinct. Several Slack apps may post interactions to one router, so a request is genuine when
   * any of them signed it.
   */
  public List<Secret> slackSigningSecrets() {
    List<Secret> secrets = new ArrayList<>();
    global.slackSigningSecret().ifPresent(secrets::add);
    for (ReceiverConfig receiver : receivers) {
      for (SlackConfig slack : receiver.slackConfigs()) {
        slack.signingSecret().filter(s -> !secrets.contains(s)).ifPresent(secrets::add);
      }
    }
    return List.copyOf(secrets);
  }
}
