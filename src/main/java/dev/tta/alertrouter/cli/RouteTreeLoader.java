package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads a configuration for the {@code routes} commands, reporting every config error. */
final class RouteTreeLoader {
  private RouteTreeLoader() {}

  /** The tree (teams compiled in) and severity classifier of the configuration at {@code path}, or empty after printing each error to {@code err}. */
  static Optional<EffectiveRoutes> load(Path path, Map<String, String> env, PrintWriter err) {
    LoadResult result = new ConfigLoader(env).load(path);
    if (!result.ok()) {
      for (ConfigError e : result.errors()) {
        err.println(e);
      }
      err.flush();
      return Optional.empty();
    }
    return Optional.of(EffectiveRoutes.of(result.config()));
  }
}
