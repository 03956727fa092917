package dev.tta.alertrouter.dispatch;

/**
 * Signals that a flush did not reach its receiver, so the dispatcher must keep the group's resolved
 * alerts and try again at the next group_interval (Alertmanager's {@code flush} returns false).
 */
public final class StageFailedException extends RuntimeException {
  public StageFailedException(String message) {
    super(message);
  }

  public StageFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
