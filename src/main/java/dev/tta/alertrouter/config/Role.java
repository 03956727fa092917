package dev.tta.alertrouter.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What an identity may do. {@code admin} includes {@code responder}, which includes {@code viewer};
 * {@code admin} may also post alerts; {@code intake} may only post alerts.
 */
public enum Role {
  /** Every read: GET of {@code /api/*}, {@code /runbooks}, {@code /metrics}. */
  VIEWER,
  /** A viewer that may also create, update and expire silences. */
  RESPONDER,
  /** A responder that may also reload the configuration, and post alerts. */
  ADMIN,
  /** Only the two intake endpoints. */
  INTAKE;

  /** True when an identity holding this role may do what {@code required} guards. */
  public boolean grants(Role required) {
    return switch (this) {
      case ADMIN -> true;
      case RESPONDER -> required == RESPONDER || required == VIEWER;
      case VIEWER -> required == VIEWER;
      case INTAKE -> required == INTAKE;
    };
  }

  /** The name written in configuration, e.g. {@code viewer}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Role> parse(String name) {
    for (Role r : values()) {
      if (r.configName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
