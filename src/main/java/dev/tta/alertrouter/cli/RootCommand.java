package dev.tta.alertrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alert-router}: the root of the command line; each subcommand is its own class. */
@Command(
    name = "alert-router",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Routes Prometheus and Alertmanager alerts to Slack, PagerDuty, email and webhooks.")
public final class RootCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command line with every subcommand registered: the one list of commands. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RootCommand());
    // Subcommands, one line each:
    cl.addSubcommand(new HealthcheckCommand());
    cl.addSubcommand(new ServeCommand());
    cl.addSubcommand(new CheckConfigCommand());
    cl.addSubcommand(new RoutesCommand());
    cl.addSubcommand(new RunbookCommand());
    cl.addSubcommand(new ExplainCommand());
    cl.addSubcommand(new TestReceiverCommand());
    cl.addSubcommand(new CaptureCommand());
    cl.addSubcommand(new ReplayCommand());
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
