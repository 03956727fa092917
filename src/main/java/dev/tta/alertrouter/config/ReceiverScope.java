package dev.tta.alertrouter.config;

/** What an integration parser needs besides its own YAML: its receiver's name and the global defaults. */
record ReceiverScope(String receiver, GlobalConfig global, Problems problems) {
  /** Warns that an integration lacks its credential or server and will only log what it would send. */
  void dryRun(String localKey) {
    problems.warn("receiver " + receiver + ": " + localKey + " is unset; it will run in dry-run");
  }
}
