package dev.tta.alertrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capture}: the intake payloads a server kept under its data folder. */
@Command(
    name = "capture",
    description = "Work with the intake capture (server.capture) kept under a data folder.",
    subcommands = {CaptureExportCommand.class})
final class CaptureCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: export");
  }
}
