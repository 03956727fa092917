package dev.tta.alertrouter.dispatch;

/**
 * Signals that a flush did not reach its receiver, so the dispatcher must keep the group's resolved
 * alerts and try again at the next group_interval (Alertmanager's {@code flush} returns false).
 */
public final class StageFailedException extends RuntimeException {
  private final boolean alreadyReported;

  public StageFailedException(String message) {
    this(message, null, false);
  }

  public StageFailedException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StageFailedException(String message, Throwable cause, boolean alreadyReported) {
    super(message, cause);
    this.alreadyReported = alreadyReported;
  }

  /**
   * A failure whose cause is logged elsewhere, once (a store outage): the group logs it at debug
   * only, so an outage does not write a line per group per group_interval.
   */
  public static StageFailedException alreadyReported(String message) {
    return new StageFailedException(message, null, true);
  }

  public boolean alreadyReported() {
    return alreadyReported;
  }
}
