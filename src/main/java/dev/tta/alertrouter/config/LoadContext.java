package dev.tta.alertrouter.config;

import java.util.Objects;

/** What every parser of one load shares: where problems go and how {@code ${ENV}} is expanded. */
record LoadContext(Problems problems, EnvExpander env, References references) {
  LoadContext {
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(references, "references");
  }
}
