package dev.tta.alertrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code routes}: look at the route tree, as {@code amtool config routes} does. */
@Command(
    name = "routes",
    description = "Show the route tree or test which receivers an alert reaches.",
    subcommands = {RoutesShowCommand.class, RoutesTestCommand.class})
final class RoutesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: show or test");
  }
}
