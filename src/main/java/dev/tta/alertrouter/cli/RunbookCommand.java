package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.runbook.RunbookChoice;
import dev.tta.alertrouter.runbook.RunbookLoadResult;
import dev.tta.alertrouter.runbook.RunbookLoader;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.runbook.UrlTemplate;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runbook label=value…}: prints the runbook link an alert with these labels gets, the same
 * answer as {@code GET /api/v1/runbooks/lookup} (both ask {@link RunbookResolver#lookup}), from the
 * same config and runbooks the server would load.
 */
@Command(
    name = "runbook",
    mixinStandardHelpOptions = true,
    description = "Print the runbook URL for an alert with the given labels; exit 1 when none applies.")
final class RunbookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "runbooks",
      description = "Runbooks folder (default: ${DEFAULT-VALUE}).")
  Path runbooks;

  @Option(names = "--config", paramLabel = "PATH", defaultValue = "routing-rules",
      description = "Config file or folder, for runbooks.url_template (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--external-url", paramLabel = "URL", defaultValue = "http://localhost:9095/",
      description = "The router's URL as people reach it; local runbook links are made from it (default: ${DEFAULT-VALUE}).")
  URI externalUrl;

  @Parameters(paramLabel = "label=value", arity = "1..*", description = "The alert's labels; alertname is required.")
  List<String> labelArgs;

  private final Map<String, String> environment;

  RunbookCommand() {
    this(System.getenv());
  }

  /** @param environment what {@code ${ENV}} references in the configuration expand to */
  RunbookCommand(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Labels labels;
    try {
      labels = parseLabels(labelArgs);
    } catch (IllegalArgumentException e) {
      err.println("runbook: " + e.getMessage());
      return 2;
    }
    RunbookLoadResult loaded = RunbookLoader.load(runbooks);
    LoadResult configResult = new ConfigLoader(environment).load(config);
    if (!loaded.ok() || !configResult.ok()) {
      configResult.errors().forEach(err::println);
      loaded.errors().forEach(err::println);
      return 1;
    }
    Optional<UrlTemplate> template;
    try {
      template = configResult.config().runbooks().urlTemplate().map(UrlTemplate::parse);
    } catch (IllegalArgumentException e) {
      err.println(new ConfigError(new SourceLocation(config.toString(), 0),
          "runbooks.url_template", e.getMessage()));
      return 1;
    }
    RunbookResolver resolver;
    try {
      resolver = new RunbookResolver(loaded.runbooks().orElseThrow(), template, externalUrl);
    } catch (IllegalArgumentException e) {
      err.println("runbook: --external-url: " + e.getMessage());
      return 2;
    }
    RunbookChoice choice = resolver.lookup(labels);
    if (choice.url().isEmpty()) {
      err.println("no runbook for " + labels + ": " + choice.matchedBy());
      return 1;
    }
    out.println(choice.url().get());
    return 0;
  }
  /** {@code name=value} pairs; a value may be double-quoted; an empty value is an absent label. */
  static Labels parseLabels(List<String> args) {
    TreeMap<String, String> labels = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected label=value, got \"" + arg + "\"");
      }
      String name = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (!Labels.isValidName(name)) {
        throw new IllegalArgumentException("\"" + name + "\" is not a valid label name");
      }
      if (labels.containsKey(name)) {
        throw new IllegalArgumentException("label " + name + " is given twice");
      }
      if (!value.isEmpty()) {
        labels.put(name, value);
      }
    }
    if (!labels.containsKey("alertname")) {
      throw new IllegalArgumentException("alertname is required, e.g. runbook alertname=TTAServiceDown service=api");
    }
    return Labels.of(labels);
  }
}
