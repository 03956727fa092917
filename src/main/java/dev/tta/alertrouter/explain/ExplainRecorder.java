package dev.tta.alertrouter.explain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the decisions taken about each alert, by the fingerprint it arrived with, for explain. The
 * number of alerts remembered is bounded (the least recently used story goes first), and so is each
 * story ({@link AlertStory}): memory stays flat however long the server runs. Thread-safe.
 */
public final class ExplainRecorder {
  /** How many alerts are remembered unless {@code serve --explain-cache-size} says otherwise. */
  public static final long DEFAULT_CAPACITY = 10_000;
  /** How many decisions one alert's story keeps at most. */
  public static final int MAX_DECISIONS_PER_ALERT = 200;

  private final Cache<Fingerprint, AlertStory> stories;
  private final long capacity;
  private final int maxDecisionsPerAlert;

  /** @param capacity how many alerts to remember; 0 remembers none */
  public ExplainRecorder(long capacity) {
    this(capacity, MAX_DECISIONS_PER_ALERT);
  }

  ExplainRecorder(long capacity, int maxDecisionsPerAlert) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.maxDecisionsPerAlert = maxDecisionsPerAlert;
    // The executor runs evictions on the caller's thread: no background work to stop, and a test
    // sees the bound at once.
    this.stories = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
  }

  /**
   * Records a decision about {@code alert}.
   *
   * @return true when it repeated the latest decision about the same subject (it told nothing new)
   */
  public boolean record(Alert alert, Decision decision) {
    Objects.requireNonNull(decision, "decision");
    return storyOf(alert).add(alert.labels(), decision);
  }

  /**
   * Records {@code verdict} about {@code alert}, taken at {@code at}.
   *
   * @return true when it repeated the latest decision about the same subject (it told nothing new)
   */
  public boolean record(Alert alert, Instant at, Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict");
    return storyOf(alert).add(alert.labels(), verdict, at);
  }

  /** Records each of {@code verdicts}, in order, all taken at {@code at}: one look-up for them all. */
  public void record(Alert alert, Instant at, List<? extends Verdict> verdicts) {
    Objects.requireNonNull(verdicts, "verdicts");
    storyOf(alert).addAll(alert.labels(), verdicts, at);
  }

  /**
   * Records {@code verdict} about an alert whose copy only repeated what was held (a resend that
   * moved its end, say): into its story when it is remembered, or when there is room for a new
   * story; otherwise not at all. When more alerts resend than stories fit, starting a story for
   * each resend would evict another every time (in an alert storm, every look-up missed and a story
   * was built and thrown away per alert per resend, a sixth of the CPU, bench/README.md); this way
   * the remembered stories stay, and room goes to alerts that change.
   *
   * @return true when it repeated the latest decision about the same subject, or was not recorded
   */
  public boolean recordRepeat(Alert alert, Instant at, Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict");
    AlertStory story = storyForRepeat(alert);
    return story == null || story.add(alert.labels(), verdict, at);
  }

  /** {@link #recordRepeat(Alert, Instant, Verdict)} of each of {@code verdicts}, with one look-up. */
  public void recordRepeat(Alert alert, Instant at, List<? extends Verdict> verdicts) {
    Objects.requireNonNull(verdicts, "verdicts");
    AlertStory story = storyForRepeat(alert);
    if (story != null) {
      story.addAll(alert.labels(), verdicts, at);
    }
  }

  private AlertStory storyForRepeat(Alert alert) {
    AlertStory story = stories.getIfPresent(alert.fingerprint());
    return story != null || stories.estimatedSize() >= capacity ? story : storyOf(alert);
  }

  private AlertStory storyOf(Alert alert) {
    AlertStory story = stories.getIfPresent(alert.fingerprint());
    // Only a new alert pays for the function that starts its story.
    return story != null ? story
        : stories.get(alert.fingerprint(), fp -> new AlertStory(fp, alert.labels(), maxDecisionsPerAlert));
  }

  /** The story of the alert with {@code fingerprint}, if it is still remembered. */
  public Optional<Explanation> explain(Fingerprint fingerprint) {
    AlertStory story = stories.getIfPresent(Objects.requireNonNull(fingerprint, "fingerprint"));
    return story == null ? Optional.empty() : Optional.of(story.snapshot());
  }

  /** How many alerts are remembered now (approximate while others record). */
  public long size() {
    stories.cleanUp();
    return stories.estimatedSize();
  }
}
