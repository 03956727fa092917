package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.TeamConfig;
import dev.tta.alertrouter.config.UnsupportedIntegrations;
import dev.tta.alertrouter.config.WebConfigLoader;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.runbook.RunbookCoverage;
import dev.tta.alertrouter.runbook.RunbookLoadResult;
import dev.tta.alertrouter.runbook.RunbookLoader;
import dev.tta.alertrouter.runbook.Runbooks;
import dev.tta.alertrouter.runbook.UrlTemplate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check-config}: loads the configuration as {@code serve} would and prints every error at
 * once (exit 1), or a summary in the style of {@code amtool check-config} (exit 0). For CI.
 */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = "Checks the configuration: prints every error (exit 1) or a summary (exit 0).")
public final class CheckConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "PATH", defaultValue = "routing-rules/",
      description = "A YAML file or a folder of them (default: ${DEFAULT-VALUE}).")
  String config;

  @Option(names = "--runbooks", paramLabel = "DIR",
      description = "The runbooks folder, loaded and checked. Default: runbooks/ when that folder exists (--rules needs it).")
  Path runbooks;

  @Option(names = "--rules", paramLabel = "FILE", arity = "1..*",
      description = "Prometheus rule files: lists the alerts no runbook covers, by priority; exit 1 when a P0 has none.")
  List<Path> rules = List.of();

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "A web config (TLS, headers, basic_auth_users), checked as serve reads it.")
  Path webConfigFile;

  @Option(names = "--team", paramLabel = "NAME",
      description = "Check as team NAME's author: only the errors in or about teams/NAME.yml count, and the team's routing is summarised.")
  String team;

  private final Map<String, String> environment;

  public CheckConfigCommand() {
    this(System.getenv());
  }

  /** @param environment what {@code ${ENV}} references in the configuration expand to */
  public CheckConfigCommand(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadResult result = new ConfigLoader(environment).load(Path.of(config));
    List<String> errors = new ArrayList<>();
    result.errors().forEach(e -> errors.add(e.toString()));
    if (result.ok()) {
      result.config().runbooks().urlTemplate().ifPresent(t -> checkUrlTemplate(t, errors));
      new Templates((receiver, integration, template, reason) -> {})
          .check(result.config().receivers()).forEach(e -> errors.add(e.toString()));
    }
    // --rules needs runbooks, so there a missing default folder is an error rather than skipped.
    Path runbookDir = RunbooksFolder.orDefault(runbooks).orElse(rules.isEmpty() ? null : RunbooksFolder.DEFAULT);
    Optional<Runbooks> loadedRunbooks = Optional.empty();
    if (runbookDir != null) {
      if (!Files.isDirectory(runbookDir)) {
        errors.add(runbookDir + ": --runbooks: no such folder");
      } else {
        RunbookLoadResult loaded = RunbookLoader.load(runbookDir);
        loaded.errors().forEach(e -> errors.add(e.toString()));
        loadedRunbooks = loaded.runbooks();
      }
    }
    if (webConfigFile != null) {
      WebConfigLoader.load(webConfigFile).errors().forEach(e -> errors.add(e.toString()));
    }
    if (team != null) {
      return checkTeam(result, errors, out, err);
    }
    if (!errors.isEmpty()) {
      int count = errors.size();
      err.println("Checking '" + config + "'  FAILED: " + count + (count == 1 ? " error" : " errors"));
      errors.forEach(err::println);
      if (!result.errors().isEmpty() && count == result.errors().size()
          && result.errors().stream().allMatch(UnsupportedIntegrations::only)) {
        err.println("Apart from the unsupported integrations above, the configuration is valid.");
      }
      err.flush();
      return 1;
    }
    List<String> summary = new ArrayList<>(ConfigSummary.lines(config, result));
    if (loadedRunbooks.isPresent()) {
      int warnings = summary.indexOf("Warnings:");
      summary.add(warnings < 0 ? summary.size() : warnings,
          " - " + loadedRunbooks.get().all().size() + " runbooks in " + runbookDir);
    }
    summary.forEach(out::println);
    int exit = 0;
    if (!rules.isEmpty()) {
      RunbookCoverage.Report report = RunbookCoverage.check(loadedRunbooks.orElseThrow(), rules);
      out.print(report.text());
      exit = report.exitCode();
    }
    out.flush();
    return exit;
  }

  /** {@code --team}: the team's own file decides; problems elsewhere are counted, not charged to it. */
  private int checkTeam(LoadResult result, List<String> errors, PrintWriter out, PrintWriter err) {
    String marker = "teams/" + team + ".y";
    List<String> mine = errors.stream().filter(e -> e.contains(marker)).toList();
    int elsewhere = errors.size() - mine.size();
    Path folder = Path.of(config).resolve("teams");
    boolean hasFile = Files.isRegularFile(folder.resolve(team + ".yml")) || Files.isRegularFile(folder.resolve(team + ".yaml"));
    if (mine.isEmpty() && (!hasFile || result.ok() && !result.config().teams().containsKey(team))) {
      mine = List.of(config + ": --team: no team \"" + team + "\" is defined in teams/" + team + ".yml");
    }
    if (!mine.isEmpty()) {
      err.println("Checking team '" + team + "' in '" + config + "'  FAILED: " + mine.size() + (mine.size() == 1 ? " error" : " errors"));
      mine.forEach(err::println);
      err.flush();
      return 1;
    }
    out.println("Checking team '" + team + "' in '" + config + "'  SUCCESS");
    if (result.ok()) {
      TeamConfig t = result.config().teams().get(team);
      out.println(" - routes " + t.label() + "=\"" + t.value() + "\" (" + t.location() + ")");
      t.receivers().forEach((priority, names) -> out.println(" - " + priority + ": " + String.join(", ", names)));
    }
    if (elsewhere > 0) {
      out.println(" - " + elsewhere + (elsewhere == 1 ? " error" : " errors") + " elsewhere in the configuration (check-config without --team lists them)");
    }
    out.flush();
    return 0;
  }

  private static void checkUrlTemplate(String template, List<String> errors) {
    try {
      UrlTemplate.parse(template);
    } catch (IllegalArgumentException e) {
      errors.add("runbooks.url_template: " + e.getMessage());
    }
  }
}
