package dev.tta.alertrouter.mute;

import java.util.NoSuchElementException;

/** No silence has the given id (it never existed, or it was pruned after its retention). */
public final class SilenceNotFoundException extends NoSuchElementException {
  private final String id;

  public SilenceNotFoundException(String id) {
    super("silence " + id + " not found");
    this.id = id;
  }

  public String id() {
    return id;
  }
}
