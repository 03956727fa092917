package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code msteams_configs} entry (a Teams incoming webhook) or {@code msteamsv2_configs} entry
 * (a Power Automate workflow URL): Alertmanager's fields. Both get the same Adaptive Card.
 * Alertmanager's {@code title}, {@code summary} and {@code text} hold Go templates; alert-router
 * warns about them and renders its own templates ({@code templates:}).
 *
 * @param workflow true for {@code msteamsv2_configs}
 * @param sendResolved default true, as Alertmanager
 * @param webhookUrl from {@code webhook_url} or {@code webhook_url_file}; secret (the URL is the
 *     credential); absent (dry-run) only when written as an unset {@code ${ENV}}
 */
public record MSTeamsConfig(
    boolean workflow,
    boolean sendResolved,
    HttpClientConfig httpConfig,
    Optional<Secret> webhookUrl,
    Map<String, TemplateSource> templates,
    SourceLocation location) {

  public static final String TYPE = "msteams";
  public static final String TYPE_V2 = "msteamsv2";

  public MSTeamsConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(location, "location");
  }

  /** {@code msteams} or {@code msteamsv2}: the integration type, as logs, metrics and the notification log name it. */
  public String type() {
    return workflow ? TYPE_V2 : TYPE;
  }

  public boolean dryRun() {
    return webhookUrl.isEmpty();
  }
}
