package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code server:} section: limits and access control of the HTTP surface.
 *
 * @param maxRequestBytes bodies larger than this are answered 413
 * @param resolvedRetention how long a resolved alert is kept (listed, explainable) before it is dropped
 * @param intakeAuth required on the intake endpoints when present
 * @param adminAuth required on admin endpoints ({@code /-/reload}, silences) when present
 * @param access roles, tokens and the trusted SSO header ({@code server.auth}); when present,
 *     {@code intakeAuth} and {@code adminAuth} are empty
 * @param capture what {@code server.capture} keeps of the intake payloads
 * @param actionLinksTtl how long a signed action link in an email or webhook stays valid
 *     ({@code server.action_links_ttl})
 * @param silenceReminderAfter a one-off silence with an owner longer than this gets a reminder a day
 *     before it expires ({@code server.silence_reminder_after})
 */
public record ServerSettings(
    long maxRequestBytes,
    Duration resolvedRetention,
    Optional<HttpAuth> intakeAuth,
    Optional<HttpAuth> adminAuth,
    Optional<AccessSettings> access,
    CaptureSettings capture,
    Duration actionLinksTtl,
    Duration silenceReminderAfter) {

  public static final Duration DEFAULT_ACTION_LINKS_TTL = Duration.ofHours(24);
  public static final Duration DEFAULT_SILENCE_REMINDER_AFTER = Duration.ofHours(24);
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofMinutes(15);

  public ServerSettings {
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    Objects.requireNonNull(resolvedRetention, "resolvedRetention");
    Objects.requireNonNull(intakeAuth, "intakeAuth");
    Objects.requireNonNull(adminAuth, "adminAuth");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(capture, "capture");
    Objects.requireNonNull(actionLinksTtl, "actionLinksTtl");
    if (actionLinksTtl.isNegative() || actionLinksTtl.isZero()) {
      throw new IllegalArgumentException("actionLinksTtl must be positive");
    }
    Objects.requireNonNull(silenceReminderAfter, "silenceReminderAfter");
  }

  /** With the default silence reminders. */
  public ServerSettings(long maxRequestBytes, Duration resolvedRetention, Optional<HttpAuth> intakeAuth,
      Optional<HttpAuth> adminAuth, Optional<AccessSettings> access, CaptureSettings capture, Duration actionLinksTtl) {
    this(maxRequestBytes, resolvedRetention, intakeAuth, adminAuth, access, capture, actionLinksTtl,
        DEFAULT_SILENCE_REMINDER_AFTER);
  }

  /** With action links valid for {@link #DEFAULT_ACTION_LINKS_TTL}. */
  public ServerSettings(long maxRequestBytes, Duration resolvedRetention, Optional<HttpAuth> intakeAuth,
      Optional<HttpAuth> adminAuth, Optional<AccessSettings> access, CaptureSettings capture) {
    this(maxRequestBytes, resolvedRetention, intakeAuth, adminAuth, access, capture, DEFAULT_ACTION_LINKS_TTL);
  }

  /** Without {@code server.auth}, with the default capture settings. */
  public ServerSettings(
      long maxRequestBytes, Duration resolvedRetention, Optional<HttpAuth> intakeAuth, Optional<HttpAuth> adminAuth) {
    this(maxRequestBytes, resolvedRetention, intakeAuth, adminAuth, Optional.empty(), CaptureSettings.defaults());
  }

  /** With the default capture settings. */
  public ServerSettings(long maxRequestBytes, Duration resolvedRetention, Optional<HttpAuth> intakeAuth,
      Optional<HttpAuth> adminAuth, Optional<AccessSettings> access) {
    this(maxRequestBytes, resolvedRetention, intakeAuth, adminAuth, access, CaptureSettings.defaults());
  }

  /** Without {@code server.auth}. */
  public ServerSettings(long maxRequestBytes, Duration resolvedRetention, Optional<HttpAuth> intakeAuth,
      Optional<HttpAuth> adminAuth, CaptureSettings capture) {
    this(maxRequestBytes, resolvedRetention, intakeAuth, adminAuth, Optional.empty(), capture);
  }

  public static ServerSettings defaults() {
    return new ServerSettings(
        DEFAULT_MAX_REQUEST_BYTES, DEFAULT_RESOLVED_RETENTION, Optional.empty(), Optional.empty());
  }
}
