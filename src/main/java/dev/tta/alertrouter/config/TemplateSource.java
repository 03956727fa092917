package dev.tta.alertrouter.config;

import java.util.Objects;

/**
 * The text of one of alert-router's own message templates (Pebble syntax), as written under an
 * integration's {@code templates:} key, with where it was written so that a template that does not
 * compile is reported at its file, line and key.
 *
 * @param text the template source
 * @param location the file and line of the template's key
 * @param key the dotted config key, e.g. {@code receivers[0].slack_configs[0].templates.title}
 */
public record TemplateSource(String text, SourceLocation location, String key) {
  public TemplateSource {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(key, "key");
  }
}
