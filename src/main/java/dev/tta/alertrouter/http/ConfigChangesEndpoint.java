package dev.tta.alertrouter.http;

import dev.tta.alertrouter.config.ConfigChange;
import dev.tta.alertrouter.config.ConfigChangeReport;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/config/changes}: what the last successful reload changed, secrets masked;
 * {@code data} is null before the first reload.
 */
final class ConfigChangesEndpoint {
  static final String PATH = "/api/v1/config/changes";

  private final Supplier<Optional<ConfigChangeReport>> last;

  ConfigChangesEndpoint(Supplier<Optional<ConfigChangeReport>> last) {
    this.last = last;
  }

  void handle(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "success");
    body.put("data", last.get().map(ConfigChangesEndpoint::data).orElse(null));
    Json.reply(ctx, 200, body);
  }

  private static Map<String, Object> data(ConfigChangeReport report) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reloadedAt", report.reloadedAt().toString());
    List<Map<String, Object>> changes = report.changes().stream().map(ConfigChangesEndpoint::change).toList();
    data.put("changes", changes);
    return data;
  }

  private static Map<String, Object> change(ConfigChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", c.kind());
    m.put("section", c.section());
    m.put("name", c.name());
    m.put("location", c.location());
    m.put("details", c.details());
    return m;
  }
}
