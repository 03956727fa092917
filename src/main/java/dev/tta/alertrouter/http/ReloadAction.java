package dev.tta.alertrouter.http;

/**
 * Reloads the configuration ({@code POST /-/reload}, and SIGHUP in the composition root). A bad
 * configuration must leave the old one in force; the outcome says which happened.
 */
@FunctionalInterface
public interface ReloadAction {
  ReloadOutcome reload();
}
