package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.config.ConfigError;
import java.util.List;
import java.util.Objects;

/**
 * The templates of one integration, and what was wrong with its overrides. With errors the
 * configuration must not be used (a template that does not compile is a config error); {@code
 * templates} then holds the defaults in place of the broken overrides.
 */
public record TemplateCompilation(MessageTemplates templates, List<ConfigError> errors) {
  public TemplateCompilation {
    Objects.requireNonNull(templates, "templates");
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
