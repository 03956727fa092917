package dev.tta.alertrouter.reminder;

/** Why a silence's owner is told something; the key is what the silence keeps once it was sent. */
public enum ReminderKind {
  /** A recurring silence's window opened (kept while the window is open, dropped when it closes). */
  WINDOW_OPENED("window-opened"),
  /** A long one-off silence ends within a day. */
  EXPIRES_SOON("expires-soon"),
  /** The silence ended while alerts it matches are still firing. */
  EXPIRED_WHILE_FIRING("expired");

  private final String key;

  ReminderKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
