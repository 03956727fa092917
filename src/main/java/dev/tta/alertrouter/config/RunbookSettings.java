package dev.tta.alertrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code runbooks:} section.
 *
 * @param urlTemplate e.g. {@code https://runbooks.tta.dev/{alertname}}: each {@code {label}} is
 *     replaced by the alert's label value; empty when runbook links come only from annotations
 */
public record RunbookSettings(Optional<String> urlTemplate) {
  public RunbookSettings {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
  }

  public static RunbookSettings defaults() {
    return new RunbookSettings(Optional.empty());
  }
}
