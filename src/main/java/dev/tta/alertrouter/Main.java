package dev.tta.alertrouter;

import dev.tta.alertrouter.cli.RootCommand;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(RootCommand.execute(args));
  }
}
