package dev.tta.alertrouter.store;

/** The store cannot take alerts now; resending later may succeed (HTTP 503). */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
