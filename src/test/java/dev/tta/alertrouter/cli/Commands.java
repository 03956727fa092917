package dev.tta.alertrouter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line as {@code java -jar alert-router.jar} would, capturing what it prints. */
record Commands(int exit, String out, String err) {
  static Commands run(String... args) {
    return run(RootCommand.commandLine(), args);
  }

  static Commands run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Commands(exit, out.toString(), err.toString());
  }
}
