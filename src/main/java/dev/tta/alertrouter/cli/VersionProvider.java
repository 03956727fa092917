package dev.tta.alertrouter.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = RootCommand.class.getPackage().getImplementationVersion();
    return new String[] {"alert-router " + (v == null ? "development" : v)};
  }
}
