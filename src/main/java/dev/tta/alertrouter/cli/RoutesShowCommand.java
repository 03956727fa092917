package dev.tta.alertrouter.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code routes show}: draws the route tree exactly as {@code amtool config routes show} does. */
@Command(name = "show", description = "Draw the route tree as amtool config routes show does.")
final class RoutesShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "routing-rules/", paramLabel = "PATH", description = "A YAML file or a folder of them. Default: ${DEFAULT-VALUE}")
  Path config;

  @Override
  public Integer call() {
    return RouteTreeLoader.load(config, System.getenv(), spec.commandLine().getErr())
        .map(tree -> {
          spec.commandLine().getOut().print(RouteTreeDrawing.show(tree.tree()));
          spec.commandLine().getOut().flush();
          return 0;
        })
        .orElse(1);
  }
}
