package dev.tta.alertrouter.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/config/sources} (admin): the files of the configuration in force, each as YAML
 * with its secrets replaced by placeholders that still load ({@code config.MaskedSources}), under
 * {@code data.files} by path relative to the configuration root: what {@code replay --url} takes as
 * its baseline when no {@code --baseline} is given.
 */
final class ConfigSourcesEndpoint {
  static final String PATH = "/api/v1/config/sources";

  private final Supplier<Map<String, String>> maskedFiles;

  ConfigSourcesEndpoint(Supplier<Map<String, String>> maskedFiles) {
    this.maskedFiles = maskedFiles;
  }

  void handle(Context ctx) {
    Json.reply(ctx, 200, Map.of("status", "success", "data", Map.of("files", maskedFiles.get())));
  }
}
