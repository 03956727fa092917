package dev.tta.alertrouter.notify.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Parses configured addresses strictly (RFC 822); a bad one is a configuration error, reported at load. */
final class Addresses {
  private Addresses() {}

  static InternetAddress[] list(String key, String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(key + ": an address must not contain a line break");
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(text, true);
      if (parsed.length == 0) {
        throw new IllegalArgumentException(key + ": no address");
      }
      for (InternetAddress a : parsed) {
        a.validate();
      }
      return parsed;
    } catch (AddressException e) {
      throw new IllegalArgumentException(key + ": invalid address \"" + text + "\": " + e.getMessage(), e);
    }
  }

  static InternetAddress single(String key, String text) {
    InternetAddress[] parsed = list(key, text);
    if (parsed.length != 1) {
      throw new IllegalArgumentException(key + ": expected one address, found " + parsed.length);
    }
    return parsed[0];
  }

  /** The bare address for {@code MAIL FROM}: {@code router@tta.dev} of {@code "Router" <router@tta.dev>}. */
  static String envelopeSender(String from) {
    return single("from", from).getAddress();
  }
}
