package dev.tta.alertrouter.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alert-router}: the root of the command line; each subcommand is its own class. */
@Command(
    name = "alert-router",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Routes Prometheus and Alertmanager alerts to Slack, PagerDuty, email and webhooks.")
public final class RootCommand implements Runnable {
  static final String SERVE = "serve";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command line with every subcommand registered: the one list of commands. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RootCommand());
    // Subcommands, one line each:
    cl.addSubcommand(new HealthcheckCommand());
    cl.addSubcommand(SERVE, new ServeCommand());
    cl.addSubcommand(new CheckConfigCommand());
    cl.addSubcommand(new RoutesCommand());
    cl.addSubcommand(new RunbookCommand());
    cl.addSubcommand(new ExplainCommand());
    cl.addSubcommand(new TestReceiverCommand());
    cl.addSubcommand(new CaptureCommand());
    cl.addSubcommand(new ReplayCommand());
    return cl;
  }

  /**
   * The command line {@code args} need: for {@code serve}, the root with that one subcommand, since
   * picocli reads every registered command's annotations up front, a fifth of a restart's time
   * before the server starts (bench/README.md, "Memory and restart"); for anything else, all of
   * them. {@code serve}'s options, help and errors are the same either way.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length > 0 && args[0].equals(SERVE)) {
      CommandLine cl = new CommandLine(new RootCommand());
      cl.addSubcommand(SERVE, new ServeCommand());
      return cl;
    }
    return commandLine();
  }

  /**
   * Runs {@code args} as {@code Main} does: serve's usual command line without picocli ({@link
   * ServeArguments}), anything else through it.
   */
  public static int execute(String... args) {
    return execute(args, null, null);
  }

  /** {@link #execute(String...)}, printing to {@code out} and {@code err} (null: the process's own). */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    PrintWriter errors = err != null ? err : new PrintWriter(System.err, true);
    Optional<ServeCommand> serve = ServeArguments.parse(args, System.getenv(), errors);
    if (serve.isPresent()) {
      try {
        return serve.get().call();
      } catch (RuntimeException e) {
        // As picocli reports an exception a command throws.
        e.printStackTrace(errors);
        return CommandLine.ExitCode.SOFTWARE;
      }
    }
    CommandLine cl = commandLine(args);
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
