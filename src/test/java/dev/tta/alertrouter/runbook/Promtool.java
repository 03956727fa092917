package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.Peers;

/** promtool from Debian's prometheus package: skipped locally when absent, required when CI=true. */
final class Promtool {
  private Promtool() {}

  static void assumeInstalled() {
    Peers.require("promtool", "prometheus");
  }
}
