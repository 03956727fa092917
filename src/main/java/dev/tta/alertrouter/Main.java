package dev.tta.alertrouter;

import dev.tta.alertrouter.cli.RootCommand;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartupWarmup.startFor(args.length > 0 ? args[0] : "");
    System.exit(RootCommand.commandLine(args).execute(args));
  }
}
