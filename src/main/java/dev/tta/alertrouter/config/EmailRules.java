package dev.tta.alertrouter.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * What an email setting must be for the message to be sent as written: addresses that parse
 * (RFC 822, strictly) and headers that cannot smuggle in another header or break the MIME parts.
 * Checked when the configuration loads, so that a typo fails the deploy, not a page at night.
 */
final class EmailRules {
  /** Headers the notifier writes itself: the multipart body depends on them. */
  private static final Set<String> RESERVED = Set.of("content-type", "content-transfer-encoding", "mime-version");

  private EmailRules() {}

  /** Why {@code list} is not a usable list of one or more addresses, or null. */
  static String addressListProblem(String list, boolean single) {
    if (list.isBlank()) {
      return "no address";
    }
    if (list.contains("{{")) {
      return "holds an Alertmanager Go template, which alert-router does not run; write the address itself";
    }
    if (lineBreak(list)) {
      return "an address must not contain a line break";
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(list, true);
      if (parsed.length == 0) {
        return "no address";
      }
      if (single && parsed.length > 1) {
        return "expected one address, found " + parsed.length;
      }
      for (InternetAddress a : parsed) {
        a.validate();
      }
      return null;
    } catch (AddressException e) {
      return "invalid address \"" + list + "\": " + e.getMessage();
    }
  }

  /** Why {@code name} cannot be a header name (RFC 5322: printable ASCII but ':'), or null. */
  static String headerNameProblem(String name) {
    if (name.isEmpty()) {
      return "empty header name";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        return "invalid header name \"" + name.replaceAll("\\p{Cntrl}", "?") + "\": only printable ASCII, no spaces or ':'";
      }
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return "header " + name + " is set by alert-router (the message is multipart text and HTML)";
    }
    return null;
  }

  /** Why {@code value} cannot be a header value, or null. */
  static String headerValueProblem(String value) {
    if (lineBreak(value) || value.indexOf('\0') >= 0) {
      return "a header value must not contain a line break or NUL (it would start another header)";
    }
    return null;
  }

  private static boolean lineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }
}
