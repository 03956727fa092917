package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code opsgenie_configs} entry: Alertmanager's fields. Fields that are Go templates in
 * Alertmanager are used when written as plain text ({@code source}, {@code tags}, {@code note},
 * {@code priority}, {@code entity}, {@code actions}, {@code details}, responders) and ignored with
 * a warning when they hold a template; {@code message} and {@code description} come from
 * alert-router's own templates ({@code templates:}).
 *
 * @param sendResolved default true, as Alertmanager
 * @param apiKey {@code api_key} or {@code api_key_file}, else the global {@code opsgenie_api_key(_file)}
 * @param apiUrl default the global {@code opsgenie_api_url}, {@value GlobalConfig#DEFAULT_OPSGENIE_API_URL}
 * @param tags the comma-separated tags, split and trimmed
 * @param priority P1…P5 for every alert of this integration; empty to map from the alerts' priority
 * @param updateAlerts also update the message and description of an alert Opsgenie already has
 * @param actions the comma-separated actions, split and trimmed
 */
public record OpsgenieConfig(
    boolean sendResolved,
    HttpClientConfig httpConfig,
    Optional<Secret> apiKey,
    String apiUrl,
    Optional<String> source,
    Map<String, String> details,
    List<Responder> responders,
    List<String> tags,
    Optional<String> note,
    Optional<String> priority,
    boolean updateAlerts,
    Optional<String> entity,
    List<String> actions,
    Map<String, TemplateSource> templates,
    SourceLocation location) {

  public static final String TYPE = "opsgenie";

  public OpsgenieConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(source, "source");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    responders = List.copyOf(responders);
    tags = List.copyOf(tags);
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(entity, "entity");
    actions = List.copyOf(actions);
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(location, "location");
  }

  public boolean dryRun() {
    return apiKey.isEmpty();
  }

  /**
   * Who Opsgenie notifies: {@code type} is team, user, escalation or schedule, with one of id,
   * name or username (a {@code teams} responder has already been split into one team per name).
   */
  public record Responder(String type, Optional<String> id, Optional<String> name, Optional<String> username) {
    public Responder {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(username, "username");
    }
  }
}
