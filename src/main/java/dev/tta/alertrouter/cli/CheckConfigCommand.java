package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
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

  @Option(names = "--runbooks", paramLabel = "DIR", description = "The runbooks folder; must exist if given.")
  Path runbooks;

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
    boolean runbooksMissing = runbooks != null && !Files.isDirectory(runbooks);
    if (!result.ok() || runbooksMissing) {
      int count = result.errors().size() + (runbooksMissing ? 1 : 0);
      err.println("Checking '" + config + "'  FAILED: " + count + (count == 1 ? " error" : " errors"));
      for (ConfigError e : result.errors()) {
        err.println(e);
      }
      if (runbooksMissing) {
        err.println(runbooks + ": --runbooks: no such folder");
      }
      err.flush();
      return 1;
    }
    ConfigSummary.lines(config, result).forEach(out::println);
    out.flush();
    return 0;
  }
}
