package dev.tta.alertrouter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** What one in-process run of the command line printed. */
record CommandRun(int exitCode, String out, String err) {
  /** As {@code Main} runs it: serve's usual command line without picocli, anything else through it. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RootCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CommandRun(exit, out.toString(), err.toString());
  }

  /** On the command line with every command registered. */
  static CommandRun withEveryCommand(String... args) {
    return on(RootCommand.commandLine(), args);
  }

  private static CommandRun on(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
