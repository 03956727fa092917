package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code server.capture}: keeping the intake payloads (parsed alerts, never headers) under the data
 * folder, or in the shared PostgreSQL store, so that a candidate configuration can be replayed
 * against real traffic.
 *
 * @param enabled whether intake is captured at all
 * @param maxAge records older than this are dropped (whole segments, oldest first; rows in PostgreSQL)
 * @param maxBytes the capture is kept under this size (whole segments, oldest first; in PostgreSQL the
 *     records' NDJSON bytes)
 */
public record CaptureSettings(boolean enabled, Duration maxAge, long maxBytes) {
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  public CaptureSettings {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("capture max_age must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("capture max_size must be positive");
    }
  }

  public static CaptureSettings defaults() {
    return new CaptureSettings(true, DEFAULT_MAX_AGE, DEFAULT_MAX_BYTES);
  }
}
