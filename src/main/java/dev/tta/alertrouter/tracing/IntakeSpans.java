package dev.tta.alertrouter.tracing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The intake span that last brought each alert. A flush runs long after the request that filled its
 * group has been answered, on another thread: it continues the trace of the newest copy among its
 * alerts, and links the traces of the others, so one alert's trace runs from its intake request to
 * the delivery that told someone about it. Only sampled contexts are kept, and only while tracing is
 * on; the cache is bounded in size and age.
 */
public final class IntakeSpans {
  /** A span links at most this many other intake requests; a storm's flush would otherwise link thousands. */
  static final int MAX_LINKS = 32;

  /** Which request brought each alert; only while tracing is on (null when off: nothing to build at start). */
  private volatile Cache<Fingerprint, SpanContext> byAlert;

  synchronized void enable(boolean on) {
    if (on && byAlert == null) {
      byAlert = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(6)).build();
    } else if (!on) {
      byAlert = null;
    }
  }

  /** Remembers that {@code context}'s request brought {@code alerts}. */
  public void remember(List<Alert> alerts, SpanContext context) {
    Cache<Fingerprint, SpanContext> byAlert = this.byAlert;
    if (byAlert == null || !context.isValid() || !context.isSampled()) {
      return;
    }
    for (Alert alert : alerts) {
      byAlert.put(alert.fingerprint(), context);
    }
  }

  /**
   * The parent for a flush of {@code alerts}: the intake context of the most recently updated alert,
   * and up to {@link #MAX_LINKS} other distinct intake contexts to link.
   */
  Origins originsOf(List<Alert> alerts) {
    Cache<Fingerprint, SpanContext> byAlert = this.byAlert;
    if (byAlert == null) {
      return Origins.NONE;
    }
    Alert newest = null;
    SpanContext parent = null;
    for (Alert alert : alerts) {
      SpanContext c = byAlert.getIfPresent(alert.fingerprint());
      if (c != null && (newest == null || alert.updatedAt().isAfter(newest.updatedAt()))) {
        newest = alert;
        parent = c;
      }
    }
    if (parent == null) {
      return Origins.NONE;
    }
    List<SpanContext> links = new ArrayList<>();
    for (Alert alert : alerts) {
      SpanContext c = byAlert.getIfPresent(alert.fingerprint());
      if (c != null && !c.equals(parent) && !links.contains(c)) {
        links.add(c);
        if (links.size() == MAX_LINKS) {
          break;
        }
      }
    }
    return new Origins(Optional.of(parent), links);
  }

  /** Where a flush's alerts came from. */
  record Origins(Optional<SpanContext> parent, List<SpanContext> links) {
    static final Origins NONE = new Origins(Optional.empty(), List.of());
  }
}
