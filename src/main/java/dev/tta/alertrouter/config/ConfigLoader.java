package dev.tta.alertrouter.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a configuration from one YAML file or a folder of them, and reports every problem at once,
 * each naming its file, line and key. An Alertmanager configuration loads as it is.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;

  /** @param environment what {@code ${ENV}} references expand to; production passes {@code System.getenv()} */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /** Loads a file, or every {@code *.yml}/{@code *.yaml} in a folder, recursively, merged in path order. */
  public LoadResult load(Path path) {
    Objects.requireNonNull(path, "path");
    Problems problems = new Problems();
    References references = new References();
    LoadContext context = new LoadContext(problems, new EnvExpander(environment), references);
    List<Path> files = ConfigFiles.find(path, problems);
    if (files.isEmpty()) {
      return new LoadResult(null, problems.errors(), problems.warnings());
    }
    List<Value> roots = new ArrayList<>();
    for (Path file : files) {
      Value root = ConfigFiles.read(file, context);
      if (root != null) {
        roots.add(root);
      }
    }
    // A file that is not YAML may hold the route; saying "no route" as well would mislead.
    boolean unreadableFiles = problems.hasErrors();
    Sections sections = new SectionMerger(path, context).merge(roots);

    GlobalConfig global = GlobalParser.parse(sections.global());
    ReceiverParser receiverParser = new ReceiverParser(global, problems);
    List<ReceiverConfig> receivers = receiverParser.parseAll(sections.receivers());
    RouteConfig route = null;
    if (sections.route() == null && !unreadableFiles) {
      problems.error(new SourceLocation(path.toString(), 0), "route", "no route provided in config");
    } else if (sections.route() != null) {
      route = new RouteParser(references).parseRoot(sections.route());
    }
    List<InhibitRuleConfig> inhibitRules = InhibitRuleParser.parseAll(sections.inhibitRules());
    TimeIntervalParser intervalParser = new TimeIntervalParser();
    Map<String, TimeIntervalConfig> timeIntervals = intervalParser.parseAll(sections.timeIntervals());
    List<String> templates = templates(sections.templates(), problems);
    SeverityConfig severity = SeverityParser.parse(sections.severity());
    Map<String, TeamConfig> teams = new TeamParser(references).parse(sections.teams());
    RunbookSettings runbooks = RunbookParser.parse(sections.runbooks());
    ServerSettings server = ServerParser.parse(sections.server());
    TracingSettings tracing = TracingParser.parse(sections.tracing());
    List<HeartbeatConfig> heartbeats = new HeartbeatParser(references).parseAll(sections.heartbeats());
    MaintenanceParser maintenanceParser = new MaintenanceParser(references);
    List<MaintenanceWindow> maintenance = maintenanceParser.parseAll(sections.maintenance());
    timeIntervals.putAll(maintenanceParser.inlineIntervals());

    checkReferences(references, receiverParser.names().keySet(), timeIntervals.keySet());
    if (problems.hasErrors()) {
      return new LoadResult(null, problems.errors(), problems.warnings());
    }
    RouterConfig config = new RouterConfig(global, route, receivers, inhibitRules, timeIntervals, templates,
        severity, teams, runbooks, server, tracing, files, heartbeats, maintenance);
    List<ConfigError> guardrails = TeamGuardrails.check(path, config);
    if (!guardrails.isEmpty()) {
      return new LoadResult(null, guardrails, problems.warnings());
    }
    return new LoadResult(config, List.of(), problems.warnings());
  }

  private static List<String> templates(List<Value> items, Problems problems) {
    List<String> globs = new ArrayList<>();
    for (Value item : items) {
      String glob = item.text();
      if (glob != null) {
        globs.add(glob);
      }
    }
    if (!globs.isEmpty()) {
      problems.warn("templates: " + globs.size() + " template file(s) listed; Go templates are not used by"
          + " alert-router, its notifiers format messages themselves");
    }
    return globs;
  }

  /** Alertmanager's checkReceiver and checkTimeInterval, for routes and teams alike. */
  private static void checkReferences(References references, java.util.Set<String> receivers,
      java.util.Set<String> timeIntervals) {
    for (References.Reference ref : references.all()) {
      boolean defined = switch (ref.kind()) {
        case RECEIVER -> receivers.contains(ref.name());
        case TIME_INTERVAL -> timeIntervals.contains(ref.name());
      };
      if (!defined) {
        ref.at().error("undefined " + ref.kind().description + " \"" + ref.name() + "\"");
      }
    }
  }
}
